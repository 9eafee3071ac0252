/// A request method. The methods of RFC 9110 are cases of their own so a router can switch on
/// them; anything else a client sends is kept verbatim in `other` so it can be answered with 501.
public enum HTTPMethod: Sendable, Hashable, CustomStringConvertible {
    case get, head, post, put, delete, options, patch, trace, connect
    case other(String)

    public init(_ token: String) {
        switch token {
        case "GET": self = .get
        case "HEAD": self = .head
        case "POST": self = .post
        case "PUT": self = .put
        case "DELETE": self = .delete
        case "OPTIONS": self = .options
        case "PATCH": self = .patch
        case "TRACE": self = .trace
        case "CONNECT": self = .connect
        default: self = .other(token)
        }
    }

    public var description: String {
        switch self {
        case .get: "GET"
        case .head: "HEAD"
        case .post: "POST"
        case .put: "PUT"
        case .delete: "DELETE"
        case .options: "OPTIONS"
        case .patch: "PATCH"
        case .trace: "TRACE"
        case .connect: "CONNECT"
        case .other(let token): token
        }
    }

    /// Whether HTTP defines the method; an undefined one is answered 501, a defined one the route
    /// does not take 405. Besides RFC 9110's, that is `QUERY` (the safe method with a body of the
    /// IETF HTTP working group), which clients and API testers such as schemathesis already send.
    public var isStandard: Bool {
        if case .other(let token) = self { return token == "QUERY" }
        return true
    }
}
