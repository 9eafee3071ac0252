import HTTP
import Testing

@testable import Server

@Suite struct MiddlewareTests {
    private func responder(_ middleware: [any Middleware]) -> any HTTPResponder {
        var router = Router()
        router.get("/r") { _, _, _ in
            var response = HTTPResponse(status: .ok, contentType: "application/json", body: Array("{}".utf8))
            response.headers["ETag"] = "\"v1\""
            response.headers["Cache-Control"] = "public, max-age=60"
            return response
        }
        return router.build(middleware: middleware) { status, _ in HTTPResponse(status: status) }
    }

    private func send(
        _ responder: any HTTPResponder, _ method: HTTPMethod, _ headers: [(String, String)]
    ) -> HTTPResponse {
        responder.respond(
            to: HTTPRequest(method: method, target: "/r", headers: HTTPFields(headers)),
            context: RequestContext(requestID: "t", remoteAddress: "127.0.0.1:1", receivedAt: 0))
    }

    @Test(arguments: ["\"v1\"", "W/\"v1\"", "\"x\", \"v1\"", "*"])
    func matchingIfNoneMatchGives304WithValidators(_ condition: String) {
        let response = send(responder([ConditionalGETMiddleware()]), .get, [("If-None-Match", condition)])
        #expect(response.status == .notModified)
        #expect(response.body.isEmpty)
        #expect(response.headers["ETag"] == "\"v1\"")
        #expect(response.headers["Cache-Control"] == "public, max-age=60")
    }

    @Test func otherETagGivesFullResponse() {
        let response = send(responder([ConditionalGETMiddleware()]), .get, [("If-None-Match", "\"v0\"")])
        #expect(response.status == .ok)
        #expect(response.body == Array("{}".utf8))
    }

    @Test func corsAllowsOnlyConfiguredOrigins() {
        let cors = responder([CORSMiddleware(allowedOrigins: ["https://app.example"])])
        let allowed = send(cors, .get, [("Origin", "https://app.example")])
        #expect(allowed.headers["Access-Control-Allow-Origin"] == "https://app.example")
        #expect(allowed.headers["Vary"] == "Origin")
        let refused = send(cors, .get, [("Origin", "https://evil.example")])
        #expect(refused.headers["Access-Control-Allow-Origin"] == nil)
        #expect(refused.status == .ok)
    }

    @Test func corsPreflightFromAllowedOrigin() {
        let cors = responder([CORSMiddleware(allowedOrigins: ["*"])])
        let preflight = send(
            cors, .options,
            [
                ("Origin", "https://any.example"), ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "x-request-id, content-type"),
            ])
        #expect(preflight.status == .noContent)
        #expect(preflight.headers["Access-Control-Allow-Origin"] == "*")
        #expect(preflight.headers["Access-Control-Allow-Headers"] == "x-request-id, content-type")
        #expect(preflight.headers["Access-Control-Max-Age"] == "600")
        let denied = responder([CORSMiddleware(allowedOrigins: [])])
        let noCORS = send(
            denied, .options, [("Origin", "https://any.example"), ("Access-Control-Request-Method", "GET")])
        #expect(noCORS.headers["Access-Control-Allow-Origin"] == nil)
    }
}
