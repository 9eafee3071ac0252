/// Everything a client can get wrong about a request, each case carrying the status it is
/// answered with. After any of these the connection is closed: the framing can no longer be trusted.
public enum HTTPRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    case requestLineTooLong(limit: Int)
    case malformedRequestLine(String)
    case invalidTarget
    case unsupportedVersion(String)
    case headerSectionTooLarge(limit: Int)
    case tooManyHeaderFields(limit: Int)
    case malformedHeaderField(String)
    case obsoleteLineFolding
    case whitespaceBeforeColon
    case bareCarriageReturn
    case controlCharacterInField
    case missingHost
    case multipleHosts
    case invalidHost
    case invalidContentLength
    case conflictingContentLengths
    case contentLengthWithTransferEncoding
    case unsupportedTransferEncoding(String)
    case unknownTransferCoding(String)
    case transferEncodingInHTTP10
    case bodyTooLarge(limit: Int)
    case invalidChunkSize
    case invalidChunkExtension
    case invalidChunkFraming
    case unsupportedExpectation(String)
    case headerTimeout
    case bodyTimeout

    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .unsupportedVersion: .httpVersionNotSupported
        case .headerSectionTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedExpectation: .expectationFailed
        case .unknownTransferCoding: .notImplemented
        case .headerTimeout, .bodyTimeout: .requestTimeout
        default: .badRequest
        }
    }

    public var description: String {
        switch self {
        case .requestLineTooLong(let limit): "request line is longer than \(limit) bytes"
        case .malformedRequestLine(let why): "malformed request line: \(why)"
        case .invalidTarget: "request target is not in origin, absolute, authority or asterisk form"
        case .unsupportedVersion(let version): "HTTP version \(version) is not supported; use HTTP/1.1 or HTTP/1.0"
        case .headerSectionTooLarge(let limit): "header section is larger than \(limit) bytes"
        case .tooManyHeaderFields(let limit): "more than \(limit) header fields"
        case .malformedHeaderField(let why): "malformed header field: \(why)"
        case .obsoleteLineFolding: "header field continued on a folded line (obs-fold is not accepted)"
        case .whitespaceBeforeColon: "whitespace between a header field name and its colon"
        case .bareCarriageReturn: "carriage return not followed by line feed"
        case .controlCharacterInField: "control character in a header field value"
        case .missingHost: "HTTP/1.1 request without a Host header field"
        case .multipleHosts: "more than one Host header field"
        case .invalidHost: "Host header field is not a valid host and port"
        case .invalidContentLength: "Content-Length is not a non-negative decimal integer"
        case .conflictingContentLengths: "repeated Content-Length fields disagree"
        case .contentLengthWithTransferEncoding: "both Content-Length and Transfer-Encoding are present"
        case .unsupportedTransferEncoding(let coding):
            "Transfer-Encoding '\(coding)' does not end in chunked once, so the body's length is unknown"
        case .unknownTransferCoding(let coding): "transfer coding '\(coding)' is not implemented; send chunked alone"
        case .transferEncodingInHTTP10: "Transfer-Encoding in an HTTP/1.0 request"
        case .bodyTooLarge(let limit): "request body is larger than \(limit) bytes"
        case .invalidChunkSize: "chunk size is not a hexadecimal number"
        case .invalidChunkExtension: "malformed chunk extension"
        case .invalidChunkFraming: "chunk data not followed by CRLF"
        case .unsupportedExpectation(let value): "Expect '\(value)' is not supported; only 100-continue is"
        case .headerTimeout: "request head not received in time"
        case .bodyTimeout: "request body stalled"
        }
    }
}
