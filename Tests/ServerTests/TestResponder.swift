import HTTP
import Server

/// Echoes what it was asked, so tests can see which request a response belongs to.
struct TestResponder: HTTPResponder {
    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        switch request.path {
        case "/big":
            return HTTPResponse(
                contentType: "application/octet-stream", body: [UInt8](repeating: 0x61, count: 3_000_000))
        case "/close":
            var response = HTTPResponse(contentType: "text/plain", body: Array("bye".utf8))
            response.headers.append(name: "Connection", value: "close")
            return response
        case "/context":
            return HTTPResponse(
                contentType: "text/plain",
                body: Array("\(context.requestID) \(context.remoteAddress) \(context.isTLS)".utf8))
        default:
            let text = "\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))"
            return HTTPResponse(contentType: "text/plain", body: Array(text.utf8))
        }
    }
}
