import HTTP

/// A step around the router: it may answer on its own, change the request, or change the response
/// `next` returns. Middleware run in the order given to `Router.build`, outermost first.
public protocol Middleware: Sendable {
    func handle(
        _ request: HTTPRequest, context: RequestContext,
        next: (HTTPRequest, RequestContext) -> HTTPResponse
    ) -> HTTPResponse
}
