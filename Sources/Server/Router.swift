import HTTP

/// Collects routes while the application is wired, then freezes into an immutable responder.
///
/// Patterns are paths of literal segments and `{name}` parameters (`/v1/articles/{id}`); a literal
/// segment wins over a parameter at the same depth. The frozen responder answers, on its own, what
/// HTTP requires of any resource: 405 with `Allow` for a method the path does not take, `OPTIONS`
/// with `Allow`, `HEAD` wherever `GET` is routed, and 501 for methods HTTP does not define.
public struct Router: Sendable {
    public typealias Handler = @Sendable (HTTPRequest, RequestContext, RouteParameters) -> HTTPResponse
    /// Renders an error the router itself decides (404, 405, 501) in the application's format.
    public typealias ErrorRenderer = @Sendable (HTTPStatus, String) -> HTTPResponse

    struct Route: Sendable {
        var pattern: String
        var handlers: [HTTPMethod: Handler] = [:]
    }

    private var routes: [Route] = []

    public init() {}

    /// Every pattern with the methods it takes, in the order added (for the OpenAPI check and docs).
    public var routeTable: [(pattern: String, methods: [HTTPMethod])] {
        routes.map { route in (route.pattern, route.handlers.keys.sorted { $0.description < $1.description }) }
    }

    public mutating func add(_ method: HTTPMethod, _ pattern: String, handler: @escaping Handler) {
        if let index = routes.firstIndex(where: { $0.pattern == pattern }) {
            precondition(routes[index].handlers[method] == nil, "\(method) \(pattern) is routed twice")
            routes[index].handlers[method] = handler
        } else {
            var route = Route(pattern: pattern)
            route.handlers[method] = handler
            routes.append(route)
        }
    }

    public mutating func get(_ pattern: String, handler: @escaping Handler) { add(.get, pattern, handler: handler) }
    public mutating func post(_ pattern: String, handler: @escaping Handler) { add(.post, pattern, handler: handler) }

    /// Freezes the routes with the middleware wrapped around them, outermost first.
    /// - Parameter metrics: counts every request by route pattern and status, and its latency.
    public func build(
        middleware: [any Middleware] = [], metrics: ServerMetrics? = nil, renderError: @escaping ErrorRenderer
    ) -> any HTTPResponder {
        metrics?.bind(routes: routes.map(\.pattern))
        return FrozenRouter(
            tree: RouteTree(routes: routes), middleware: middleware, metrics: metrics, renderError: renderError)
    }
}

/// The values of a matched route's `{name}` segments, percent-decoded.
public struct RouteParameters: Sendable {
    /// The matched pattern, e.g. `/v1/articles/{id}`: the route's name in logs and metrics.
    public let pattern: String
    let names: [String]
    let values: [Substring]

    public subscript(name: String) -> String? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return String(values[index])
    }
}

/// The router after `build`: a segment tree and the middleware chain. Immutable, so every event
/// loop shares it without locks.
///
/// The route is matched on the path as received, before the middleware run, so the request is
/// counted under its route pattern whatever answers it; middleware may change headers, not the path.
struct FrozenRouter: HTTPResponder {
    typealias Match = (leaf: RouteTree.Leaf, values: [Substring])

    let tree: RouteTree
    let middleware: [any Middleware]
    let metrics: ServerMetrics?
    let renderError: Router.ErrorRenderer

    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        let match = tree.match(request.path)
        let response = respond(request, context, match, layer: 0)
        if let metrics {
            let now = MonotonicClock.now()
            metrics.recordRequest(
                loop: context.loopIndex, route: match?.leaf.index ?? tree.routeCount, status: response.status.code,
                nanoseconds: now > context.receivedAt ? now - context.receivedAt : 0)
        }
        return response
    }

    private func respond(
        _ request: HTTPRequest, _ context: RequestContext, _ match: Match?, layer: Int
    )
        -> HTTPResponse
    {
        guard layer < middleware.count else { return route(request, context, match) }
        return middleware[layer].handle(request, context: context) { request, context in
            respond(request, context, match, layer: layer + 1)
        }
    }

    private func route(_ request: HTTPRequest, _ context: RequestContext, _ match: Match?) -> HTTPResponse {
        guard request.method.isStandard else {
            return renderError(.notImplemented, "The method \(request.method) is not implemented.")
        }
        // An origin server, not a proxy: CONNECT asks for a tunnel it never builds (RFC 9110 section 9.3.6).
        if request.method == .connect {
            return renderError(.notImplemented, "CONNECT is not supported: this server is not a proxy.")
        }
        // `OPTIONS *` asks about the server as a whole (RFC 9110 section 9.3.7).
        if request.method == .options, request.target == "*" {
            var response = HTTPResponse(status: .noContent)
            response.headers["Cache-Control"] = "no-store"
            response.headers["Allow"] = tree.serverAllow
            return response
        }
        guard let (route, values) = match else {
            return renderError(.notFound, "No resource at \(request.path).")
        }
        let parameters = RouteParameters(pattern: route.pattern, names: route.parameterNames, values: values)
        let method = request.method == .head && route.handlers[.head] == nil ? .get : request.method
        if let handler = route.handlers[method] {
            return handler(request, context, parameters)
        }
        var response: HTTPResponse
        if request.method == .options {
            response = HTTPResponse(status: .noContent)
            response.headers["Cache-Control"] = "no-store"
        } else {
            response = renderError(.methodNotAllowed, "\(request.path) does not take \(request.method).")
        }
        response.headers["Allow"] = route.allow
        return response
    }
}

/// Routes indexed by path segment. Matching walks the request path once without splitting it into
/// an array of strings.
struct RouteTree: Sendable {
    struct Leaf: Sendable {
        let pattern: String
        let parameterNames: [String]
        let handlers: [HTTPMethod: Router.Handler]
        /// The `Allow` header value: the routed methods, plus HEAD with GET, plus OPTIONS.
        let allow: String
        /// The route's position in the order added: its slot in the metrics.
        let index: Int
    }

    final class Node: Sendable {
        let literals: [Substring: Node]
        let parameter: Node?
        let leaf: Leaf?

        init(literals: [Substring: Node], parameter: Node?, leaf: Leaf?) {
            self.literals = literals
            self.parameter = parameter
            self.leaf = leaf
        }
    }

    let root: Node
    /// How many routes there are: also the metrics slot of a request that matches none.
    let routeCount: Int
    /// The `Allow` value of `OPTIONS *`: every method some route takes.
    let serverAllow: String

    init(routes: [Router.Route]) {
        routeCount = routes.count
        root = Self.node(for: routes.enumerated().map { ($1, $0, Self.segments($1.pattern)[...]) })
        serverAllow = Self.allowValue(routes.flatMap { $0.handlers.keys })
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func isParameter(_ segment: Substring) -> Bool {
        segment.first == "{" && segment.last == "}"
    }

    private static func node(for routes: [(Router.Route, Int, ArraySlice<Substring>)]) -> Node {
        var leaf: Leaf?
        var literalGroups: [Substring: [(Router.Route, Int, ArraySlice<Substring>)]] = [:]
        var parameterGroup: [(Router.Route, Int, ArraySlice<Substring>)] = []
        for (route, index, rest) in routes {
            guard let head = rest.first else {
                leaf = makeLeaf(route, index: index)
                continue
            }
            if isParameter(head) {
                parameterGroup.append((route, index, rest.dropFirst()))
            } else {
                literalGroups[head, default: []].append((route, index, rest.dropFirst()))
            }
        }
        return Node(
            literals: literalGroups.mapValues { node(for: $0) },
            parameter: parameterGroup.isEmpty ? nil : node(for: parameterGroup),
            leaf: leaf)
    }

    private static func makeLeaf(_ route: Router.Route, index: Int) -> Leaf {
        Leaf(
            pattern: route.pattern,
            parameterNames: segments(route.pattern).filter(isParameter).map { String($0.dropFirst().dropLast()) },
            handlers: route.handlers, allow: allowValue(route.handlers.keys), index: index)
    }

    /// The routed methods, plus HEAD with GET, plus OPTIONS, in a fixed order.
    private static func allowValue(_ routed: some Sequence<HTTPMethod>) -> String {
        var methods = Set(routed.map(\.description))
        if methods.contains("GET") { methods.insert("HEAD") }
        methods.insert("OPTIONS")
        let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
        let allow = methods.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        return allow.joined(separator: ", ")
    }

    /// The leaf for `path` and the values of its parameters; a literal beats a parameter, with
    /// backtracking so `/a/{x}/c` still matches when a literal `/a/b` branch exists.
    func match(_ path: String) -> (leaf: Leaf, values: [Substring])? {
        var values: [Substring] = []
        let segments = Substring(path).split(separator: "/", omittingEmptySubsequences: true)
        guard let leaf = Self.match(root, segments[...], &values) else { return nil }
        return (leaf, values)
    }

    private static func match(_ node: Node, _ rest: ArraySlice<Substring>, _ values: inout [Substring]) -> Leaf? {
        guard let head = rest.first else { return node.leaf }
        if let next = node.literals[head], let leaf = match(next, rest.dropFirst(), &values) {
            return leaf
        }
        if let next = node.parameter {
            values.append(head)
            if let leaf = match(next, rest.dropFirst(), &values) { return leaf }
            values.removeLast()
        }
        return nil
    }
}
