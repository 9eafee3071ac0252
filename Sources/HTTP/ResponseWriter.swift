/// Serialises responses into a connection's output buffer, head and body together, so each
/// response (or each batch of pipelined ones) leaves in one write. The framing headers are the
/// writer's to set: it writes `Content-Length`, `Connection`, `Date` and `Server`, dropping any
/// framing fields a responder set, so a handler cannot make a response frame two ways.
public struct ResponseWriter: Sendable {
    private let serverField: [UInt8]
    private var dateSecond = Int.min
    private var dateField: [UInt8] = []

    public init(serverName: String = "newsdesk") {
        serverField = Array("Server: \(serverName)\r\n".utf8)
    }

    /// Appends `response` to `buffer`.
    /// - Parameters:
    ///   - isHeadRequest: the body is left out but its length is still announced.
    ///   - version: the request's version; an HTTP/1.0 client that keeps the connection is told so.
    ///   - requestID: written as `X-Request-Id` when given.
    ///   - epochSeconds: the current Unix time; the `Date` line is rebuilt only when it changes.
    /// - Returns: the number of bytes appended.
    @discardableResult
    public mutating func write(
        _ response: HTTPResponse, isHeadRequest: Bool = false, keepAlive: Bool, version: HTTPVersion = .http1_1,
        requestID: String? = nil, epochSeconds: Int, into buffer: inout [UInt8]
    ) -> Int {
        let start = buffer.count
        let status = response.status
        buffer.append(contentsOf: Self.statusLinePrefix)
        Self.appendDecimal(status.code, to: &buffer)
        buffer.append(ASCII.space)
        buffer.append(contentsOf: status.reasonPhrase.utf8)
        buffer.append(contentsOf: Self.crlf)

        var hasDate = false
        var hasServer = false
        var declaredLength: String?
        for field in response.headers {
            if HTTPFields.namesMatch(field.name, "Content-Length") {
                declaredLength = field.value
                continue
            }
            if HTTPFields.namesMatch(field.name, "Connection") || HTTPFields.namesMatch(field.name, "Transfer-Encoding")
                || HTTPFields.namesMatch(field.name, "X-Request-Id") && requestID != nil
            {
                continue
            }
            if !hasDate, HTTPFields.namesMatch(field.name, "Date") { hasDate = true }
            if !hasServer, HTTPFields.namesMatch(field.name, "Server") { hasServer = true }
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(contentsOf: Self.colonSpace)
            buffer.append(contentsOf: field.value.utf8)
            buffer.append(contentsOf: Self.crlf)
        }
        if !hasDate {
            if epochSeconds != dateSecond {
                dateSecond = epochSeconds
                dateField = Array("Date: \(HTTPDate.format(epochSeconds: epochSeconds))\r\n".utf8)
            }
            buffer.append(contentsOf: dateField)
        }
        if !hasServer { buffer.append(contentsOf: serverField) }
        if let requestID {
            buffer.append(contentsOf: Self.requestIDName)
            buffer.append(contentsOf: requestID.utf8)
            buffer.append(contentsOf: Self.crlf)
        }
        let sendsBody = status.allowsBody && !isHeadRequest
        if status.allowsBody {
            buffer.append(contentsOf: Self.contentLengthName)
            // A HEAD answer may announce the length its GET would have, given by the responder.
            if isHeadRequest, response.body.isEmpty, let declaredLength, declaredLength.utf8.allSatisfy(\.isDigit) {
                buffer.append(contentsOf: declaredLength.utf8)
            } else {
                Self.appendDecimal(response.body.count, to: &buffer)
            }
            buffer.append(contentsOf: Self.crlf)
        }
        if !keepAlive {
            buffer.append(contentsOf: Self.connectionClose)
        } else if version == .http1_0 {
            buffer.append(contentsOf: Self.connectionKeepAlive)
        }
        buffer.append(contentsOf: Self.crlf)
        if sendsBody { buffer.append(contentsOf: response.body) }
        return buffer.count - start
    }

    /// The interim response sent before reading an `Expect: 100-continue` body.
    public static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private static let statusLinePrefix = Array("HTTP/1.1 ".utf8)
    private static let crlf = Array("\r\n".utf8)
    private static let colonSpace = Array(": ".utf8)
    private static let contentLengthName = Array("Content-Length: ".utf8)
    private static let requestIDName = Array("X-Request-Id: ".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)

    /// `String(Int)` of a status code or length fits the small-string form, so this does not allocate.
    static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(value).utf8)
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
