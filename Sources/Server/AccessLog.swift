import Foundation
import HTTP
import Synchronization

/// The access-log sink: one line per request, as text or JSON lines. Event loops format lines into
/// buffers of their own, without locking, and hand over whole buffers; only that hand-over takes
/// the lock, so lines never interleave and the request path never waits on another loop.
public final class AccessLog: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// `2026-11-25T06:00:56Z 127.0.0.1:5123 "GET /v1/x" 200 512B 87us id=3fa92c0-1z`
        case text
        /// One JSON object a line with keys in a fixed order.
        case json
    }

    /// One finished request.
    public struct Entry: Sendable {
        public var time: String
        public var method: String
        public var path: String
        public var status: Int
        public var bytes: Int
        public var durationMicroseconds: Int
        public var requestID: String
        public var remoteAddress: String

        public init(
            time: String, method: String, path: String, status: Int, bytes: Int, durationMicroseconds: Int,
            requestID: String, remoteAddress: String
        ) {
            self.time = time
            self.method = method
            self.path = path
            self.status = status
            self.bytes = bytes
            self.durationMicroseconds = durationMicroseconds
            self.requestID = requestID
            self.remoteAddress = remoteAddress
        }
    }

    public let format: Format
    private let fileDescriptor: Int32
    /// Keeps a caller's FileHandle (and so its descriptor) alive as long as the log.
    private let handle: FileHandle?
    private let writeLock = Mutex(())

    /// Logs to a raw descriptor, standard error by default; the descriptor is not closed.
    public init(format: Format, fileDescriptor: Int32 = STDERR_FILENO) {
        self.format = format
        self.fileDescriptor = fileDescriptor
        handle = nil
    }

    public init(format: Format, fileHandle: FileHandle) {
        self.format = format
        fileDescriptor = fileHandle.fileDescriptor
        handle = fileHandle
    }

    /// Formats `entry` as one line onto `buffer`.
    public func append(_ entry: Entry, to buffer: inout [UInt8]) {
        var line = ""
        switch format {
        case .text:
            line =
                "\(entry.time) \(entry.remoteAddress) \"\(entry.method) \(Self.escaped(entry.path))\" \(entry.status) "
            line += "\(entry.bytes)B \(entry.durationMicroseconds)us id=\(entry.requestID)\n"
        case .json:
            line = #"{"time":""# + entry.time + #"","method":""# + Self.escaped(entry.method)
            line += #"","path":""# + Self.escaped(entry.path) + #"","status":"# + String(entry.status)
            line += #","bytes":"# + String(entry.bytes) + #","duration_us":"# + String(entry.durationMicroseconds)
            line += #","request_id":""# + Self.escaped(entry.requestID) + #"","remote":""#
            line += Self.escaped(entry.remoteAddress) + "\"}\n"
        }
        buffer.append(contentsOf: line.utf8)
    }

    /// Writes a buffer of whole lines.
    public func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        writeLock.withLock { _ in
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Foundation.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0, errno == EINTR { continue }
                    // A log that cannot be written must not take the server down: drop the rest.
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }

    /// JSON string escaping, also used for the text format so a hostile path cannot forge lines.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
