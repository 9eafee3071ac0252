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
        guard request.method == .get || request.method == .head, response.status.code == 200,
            let condition = request.headers["If-None-Match"], let etag = response.headers["ETag"],
            Self.matches(condition, etag)
        else { return response }
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
            let candidate = Substring(candidate.trimmingSpaces)
            return candidate == "*" || opaque(candidate) == wanted
        }
    }

    private static func opaque(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
