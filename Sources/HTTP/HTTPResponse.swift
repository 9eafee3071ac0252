/// A response before serialisation. `body` is a copy-on-write array, so a response pre-rendered at
/// load time is handed out without copying its bytes.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPFields
    public var body: [UInt8]
    /// Where the gzip of `body` is kept when the responder keeps one; compression uses it instead
    /// of compressing again. Set only beside a body that does not change.
    public var compressedCopy: (any CompressedCopy)?

    public init(status: HTTPStatus = .ok, headers: HTTPFields = HTTPFields(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: HTTPFields([("Content-Type", contentType)]), body: body)
    }
}
