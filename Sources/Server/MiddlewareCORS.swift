import HTTP

/// Cross-origin access for browsers (the Fetch standard's CORS protocol), allowed per origin
/// (`config.json` `cors.allowedOrigins`; none by default, `*` for any). Credentials are never
/// allowed, so `*` is a real wildcard.
///
/// A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered here, with
/// the methods, the requested headers when they are well-formed names, and how long to cache it;
/// from an origin not allowed it gets no CORS headers, so the browser refuses the real request.
///
/// Caching: with `*`, every response carries `Access-Control-Allow-Origin: *` whether or not the
/// request had an `Origin`, so one cached copy serves every origin. With a list, the headers
/// depend on `Origin`, so every response says `Vary: Origin`, also those to requests without one:
/// otherwise a shared cache could hand a copy without CORS headers to a cross-origin request.
/// With no origin allowed, nothing is added at all.
public struct CORSMiddleware: Middleware {
    let allowedOrigins: Set<String>
    let allowsAnyOrigin: Bool
    let allowedMethods: String
    let maxAgeSeconds: Int
    /// Response headers a page's script may read beyond the CORS-safelisted ones.
    static let exposedHeaders = "ETag, X-Request-Id, Retry-After, Server-Timing"

    public init(
        allowedOrigins: [String], allowedMethods: [String] = ["GET", "HEAD", "POST", "OPTIONS"],
        maxAgeSeconds: Int = 600
    ) {
        self.allowedOrigins = Set(allowedOrigins)
        allowsAnyOrigin = allowedOrigins.contains("*")
        self.allowedMethods = allowedMethods.joined(separator: ", ")
        self.maxAgeSeconds = maxAgeSeconds
    }

    public func handle(
        _ request: HTTPRequest, context: RequestContext, next: (HTTPRequest, RequestContext) -> HTTPResponse
    ) -> HTTPResponse {
        guard allowsAnyOrigin || !allowedOrigins.isEmpty else { return next(request, context) }
        let origin = request.headers["Origin"]
        let allowedOrigin = origin.flatMap { allowsAnyOrigin || allowedOrigins.contains($0) ? $0 : nil }
        if request.method == .options, origin != nil, request.headers.contains("Access-Control-Request-Method") {
            return preflight(request, allowed: allowedOrigin != nil)
        }
        var response = next(request, context)
        if allowsAnyOrigin {
            response.headers["Access-Control-Allow-Origin"] = "*"
        } else {
            response.addVary("Origin")
            guard let allowedOrigin else { return response }
            response.headers["Access-Control-Allow-Origin"] = allowedOrigin
        }
        response.headers["Access-Control-Expose-Headers"] = Self.exposedHeaders
        return response
    }

    private func preflight(_ request: HTTPRequest, allowed: Bool) -> HTTPResponse {
        var response = HTTPResponse(status: .noContent)
        response.headers["Cache-Control"] = "no-store"
        if !allowsAnyOrigin { response.addVary("Origin") }
        guard allowed, let origin = request.headers["Origin"] else { return response }
        response.headers["Access-Control-Allow-Origin"] = allowsAnyOrigin ? "*" : origin
        response.headers["Access-Control-Allow-Methods"] = allowedMethods
        let requested = request.headers.values(for: "Access-Control-Request-Headers").joined(separator: ", ")
        if !requested.isEmpty, Self.isTokenList(requested) {
            response.headers["Access-Control-Allow-Headers"] = requested
        }
        response.headers["Access-Control-Max-Age"] = String(maxAgeSeconds)
        return response
    }

    /// Only a comma-separated list of header-name tokens (RFC 9110 `tchar`) is echoed back, never
    /// arbitrary bytes.
    static func isTokenList(_ value: String) -> Bool {
        value.utf8.allSatisfy { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") || ASCII.isTokenCharacter(byte)
        }
    }
}
