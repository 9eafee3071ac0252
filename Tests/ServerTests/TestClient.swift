import Foundation

/// A response as the test client read it off the wire.
struct TestResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

struct TestClientError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking raw-socket HTTP client with a receive timeout, so tests see exactly the bytes the
/// server sent and a test can never hang on a silent server. `TestTLSClient` speaks TLS through the
/// same methods by overriding `transmit` and `receive`.
class TestClient {
    let descriptor: Int32
    private var pending: [UInt8] = []

    /// - Parameter receiveBufferBytes: a small receive window set before connecting, to make the
    ///   server's writes find its socket full.
    init(port: Int, receiveTimeout: Double = 5, receiveBufferBytes: Int32? = nil) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestClientError(description: "socket failed") }
        if var size = receiveBufferBytes {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var timeout = timeval(
            tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout.truncatingRemainder(dividingBy: 1)) * 1e6))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw TestClientError(description: "connect failed: errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { transmit($0) }
            guard sent > 0 else { throw TestClientError(description: "send failed: errno \(errno)") }
            offset += sent
        }
    }

    /// Sends some of `bytes`: the count, or -1 with errno set.
    func transmit(_ bytes: UnsafeRawBufferPointer) -> Int {
        Foundation.send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    }

    /// Receives into `buffer`: the count, 0 at the end of the stream, or -1 with errno set.
    func receive(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        recv(descriptor, buffer.baseAddress, buffer.count, 0)
    }

    func shutdownWrite() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Reads more bytes; false on end of stream, throws on timeout or error.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { receive($0) }
        if count > 0 {
            pending.append(contentsOf: chunk[0..<count])
            return true
        }
        if count == 0 { return false }
        if errno == ECONNRESET { return false }
        throw TestClientError(description: "receive failed or timed out: errno \(errno)")
    }

    /// Reads one response; `bodyExpected` false for answers to HEAD.
    func readResponse(bodyExpected: Bool = true) throws -> TestResponse {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = pending.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
            if headEnd == nil, try !fill() {
                throw TestClientError(
                    description: "connection closed before a response head (had \(pending.count) bytes)")
            }
        }
        let head = String(decoding: pending[..<headEnd!], as: UTF8.self)
        pending.removeFirst(headEnd!)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw TestClientError(description: "bad status line in \(head)")
        }
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = TestResponse(status: status, headers: headers, body: [])
        let length = response.header("Content-Length").flatMap(Int.init) ?? 0
        if bodyExpected, status >= 200, status != 204, status != 304 {
            while pending.count < length {
                guard try fill() else { throw TestClientError(description: "connection closed inside a body") }
            }
            response.body = Array(pending[..<length])
            pending.removeFirst(length)
        }
        return response
    }

    /// Whether the server closed the connection (after any bytes still unread, which are returned).
    func readUntilClosed() throws -> [UInt8] {
        while try fill() {}
        defer { pending.removeAll() }
        return pending
    }
}
