import Foundation

/// One complete request as the parser delivers it: the head decoded, the body de-chunked.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request target exactly as sent (origin-form `/path?query`, or absolute-form).
    public var target: String
    /// The target's path, percent-decoded, without the query.
    public var path: String
    /// The raw query string after `?`, without the `?`; empty when there is none.
    public var query: String
    public var version: HTTPVersion
    public var headers: HTTPFields
    public var body: [UInt8]

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPFields = HTTPFields(),
        body: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        let (path, query) = Self.split(target: target)
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The decoded query parameters, in order, repeated names kept.
    public var queryParameters: QueryParameters { QueryParameters(query) }

    /// Splits an origin-form or absolute-form target into its decoded path and raw query.
    static func split(target: String) -> (path: String, query: String) {
        var rest = Substring(target)
        if !rest.hasPrefix("/"), let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        guard let mark = rest.firstIndex(of: "?") else {
            return (PercentDecoding.decode(rest, plusAsSpace: false) ?? String(rest), "")
        }
        let rawPath = rest[..<mark]
        return (
            PercentDecoding.decode(rawPath, plusAsSpace: false) ?? String(rawPath),
            String(rest[rest.index(after: mark)...])
        )
    }
}
