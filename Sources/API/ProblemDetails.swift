import HTTP

/// An RFC 9457 problem: what every error response carries as `application/problem+json`.
/// `parameter` names the query parameter at fault, so a client can point at it. `type` is
/// `about:blank` (the status says it all) except for the few problems a client may want to tell
/// apart from others of the same status.
public struct ProblemDetails: Error, Sendable, Hashable {
    public var type = "about:blank"
    public var status: HTTPStatus
    public var title: String
    public var detail: String
    public var parameter: String?

    public init(status: HTTPStatus, title: String? = nil, detail: String, parameter: String? = nil) {
        self.status = status
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.parameter = parameter
    }

    /// A 400 for a bad query parameter, saying which and why.
    public static func badParameter(_ name: String, _ why: String) -> ProblemDetails {
        ProblemDetails(status: .badRequest, title: "Invalid parameter", detail: "\(name): \(why)", parameter: name)
    }
}
