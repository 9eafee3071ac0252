import HTTP

/// Answers `If-None-Match` with 304 when the response the route would give carries a matching
/// `ETag` (RFC 9110 section 13.1.2, weak comparison). The route still runs: validators here are
/// cheap because responses are built from an immutable snapshot, and this keeps every route's
/// validator in one place.
public struct ConditionalGETMiddleware: Middleware {
    public init() {}

    public func handle(
        _ request: HTTPRequest, context: RequestContext, next: (HTTPRequest, RequestContext) -> HTTPResponse
    ) -> HTTPResponse {
        let response = next(request, context)
        guard Self.isNotModified(request, response) else { return response }
        return Self.notModified(from: response)
    }

    /// Whether `response` to `request` becomes a 304: a successful GET or HEAD whose `ETag` the
    /// request's `If-None-Match` names.
    static func isNotModified(_ request: HTTPRequest, _ response: HTTPResponse) -> Bool {
        guard request.method == .get || request.method == .head, response.status.code == 200,
            let condition = request.headers["If-None-Match"], let etag = response.headers["ETag"]
        else { return false }
        return matches(condition, etag)
    }

    /// The 304 for `response`: no body, and the fields a 200 would have sent that a cache updates
    /// its stored copy with (RFC 9110 section 15.4.5).
    static func notModified(from response: HTTPResponse) -> HTTPResponse {
        var notModified = HTTPResponse(status: .notModified)
        for name in ["ETag", "Cache-Control", "Vary", "Content-Location", "Expires"] {
            if let value = response.headers[name] { notModified.headers[name] = value }
        }
        return notModified
    }

    /// Whether an `If-None-Match` list names `etag` (weak comparison: `W/` prefixes ignored).
    static func matches(_ condition: String, _ etag: String) -> Bool {
        let wanted = opaque(Substring(etag))
        return condition.split(separator: ",").contains { candidate in
            let candidate = Substring(candidate.trimmingASCIIWhitespace())
            return candidate == "*" || opaque(candidate) == wanted
        }
    }

    private static func opaque(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
