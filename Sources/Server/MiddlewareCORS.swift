import HTTP

/// Cross-origin access for browsers, allowed per origin (`config.json` `cors.allowedOrigins`; none by
/// default, `*` for any). A preflight (`OPTIONS` with `Access-Control-Request-Method`) from an
/// allowed origin is answered here; from any other origin it gets no CORS headers, so the browser
/// refuses the real request, which is what the operator asked for.
public struct CORSMiddleware: Middleware {
    let allowedOrigins: Set<String>
    let allowsAnyOrigin: Bool
    let allowedMethods: String
    let maxAgeSeconds: Int

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
        guard let origin = request.headers["Origin"] else { return next(request, context) }
        let allowed = allowsAnyOrigin || allowedOrigins.contains(origin)
        if request.method == .options, request.headers.contains("Access-Control-Request-Method") {
            var response = HTTPResponse(status: .noContent)
            response.headers["Vary"] = "Origin"
            guard allowed else { return response }
            response.headers["Access-Control-Allow-Origin"] = allowsAnyOrigin ? "*" : origin
            response.headers["Access-Control-Allow-Methods"] = allowedMethods
            if let requested = request.headers["Access-Control-Request-Headers"], Self.isTokenList(requested) {
                response.headers["Access-Control-Allow-Headers"] = requested
            }
            response.headers["Access-Control-Max-Age"] = String(maxAgeSeconds)
            return response
        }
        var response = next(request, context)
        guard allowed else { return response }
        response.headers["Access-Control-Allow-Origin"] = allowsAnyOrigin ? "*" : origin
        response.headers["Access-Control-Expose-Headers"] = "ETag, X-Request-Id"
        if !allowsAnyOrigin { Self.addVary("Origin", to: &response) }
        return response
    }

    /// Only a comma-separated list of header-name tokens is echoed back, never arbitrary bytes.
    static func isTokenList(_ value: String) -> Bool {
        value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: " "):
                true
            default: false
            }
        }
    }

    static func addVary(_ name: String, to response: inout HTTPResponse) {
        if let vary = response.headers["Vary"] {
            if !vary.split(separator: ",").contains(where: { HTTPFields.namesMatch($0.trimmingSpaces, name) }) {
                response.headers["Vary"] = vary + ", " + name
            }
        } else {
            response.headers["Vary"] = name
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
