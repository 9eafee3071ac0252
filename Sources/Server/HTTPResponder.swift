import HTTP

/// What the server calls for every complete request, synchronously on the event loop thread that
/// read it. Responders answer from memory; anything slow belongs elsewhere.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse
}
