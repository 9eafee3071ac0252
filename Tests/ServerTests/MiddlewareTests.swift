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
        #expect(allowed.headers["Access-Control-Expose-Headers"]?.contains("ETag") == true)
        #expect(allowed.headers["Vary"] == "Origin")
        let refused = send(cors, .get, [("Origin", "https://evil.example")])
        #expect(refused.headers["Access-Control-Allow-Origin"] == nil)
        #expect(refused.headers["Vary"] == "Origin")
        #expect(refused.status == .ok)
    }

    /// A shared cache must not hand a copy stored for a same-origin request (no CORS headers) to a
    /// cross-origin one, so the list case varies on `Origin` even when none was sent.
    @Test func corsWithAListVariesOnOriginEvenWithoutOne() {
        let cors = responder([CORSMiddleware(allowedOrigins: ["https://app.example"])])
        let plain = send(cors, .get, [])
        #expect(plain.headers["Vary"] == "Origin")
        #expect(plain.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func corsWildcardAnswersStarToEveryRequestWithoutVary() {
        let cors = responder([CORSMiddleware(allowedOrigins: ["*"])])
        for headers in [[], [("Origin", "https://any.example")]] {
            let response = send(cors, .get, headers)
            #expect(response.headers["Access-Control-Allow-Origin"] == "*")
            #expect(response.headers["Vary"] == nil)
        }
    }

    @Test func corsOffAddsNothing() {
        let cors = responder([CORSMiddleware(allowedOrigins: [])])
        let response = send(cors, .get, [("Origin", "https://app.example")])
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
        #expect(response.headers["Vary"] == nil)
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
        #expect(preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, POST, OPTIONS")
        #expect(preflight.headers["Access-Control-Allow-Headers"] == "x-request-id, content-type")
        #expect(preflight.headers["Access-Control-Max-Age"] == "600")
        #expect(preflight.headers["Cache-Control"] == "no-store")
        let denied = responder([CORSMiddleware(allowedOrigins: [])])
        let noCORS = send(
            denied, .options, [("Origin", "https://any.example"), ("Access-Control-Request-Method", "GET")])
        #expect(noCORS.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func corsPreflightFromAListedOriginEchoesItAndVaries() {
        let cors = responder([CORSMiddleware(allowedOrigins: ["https://app.example"], maxAgeSeconds: 120)])
        let preflight = send(
            cors, .options,
            [
                ("Origin", "https://app.example"), ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "X-Request-Id"), ("Access-Control-Request-Headers", "if-none-match"),
            ])
        #expect(preflight.headers["Access-Control-Allow-Origin"] == "https://app.example")
        #expect(preflight.headers["Access-Control-Allow-Headers"] == "X-Request-Id, if-none-match")
        #expect(preflight.headers["Access-Control-Max-Age"] == "120")
        #expect(preflight.headers["Vary"] == "Origin")
        let other = send(
            cors, .options, [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")])
        #expect(other.status == .noContent)
        #expect(other.headers["Access-Control-Allow-Origin"] == nil)
        #expect(other.headers["Access-Control-Allow-Methods"] == nil)
        #expect(other.headers["Vary"] == "Origin")
    }

    @Test func corsPreflightNeverEchoesMalformedHeaderNames() {
        let cors = responder([CORSMiddleware(allowedOrigins: ["*"])])
        let preflight = send(
            cors, .options,
            [
                ("Origin", "https://any.example"), ("Access-Control-Request-Method", "GET"),
                ("Access-Control-Request-Headers", "x-ok, bad\"name"),
            ])
        #expect(preflight.headers["Access-Control-Allow-Headers"] == nil)
        #expect(CORSMiddleware.isTokenList("x_underscore, x.dot, x-dash"))
    }

    /// An `OPTIONS` without `Access-Control-Request-Method` is no preflight: the router answers it.
    @Test func plainOptionsReachesTheRouter() {
        let cors = responder([CORSMiddleware(allowedOrigins: ["*"])])
        let response = send(cors, .options, [("Origin", "https://any.example")])
        #expect(response.status == .noContent)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response.headers["Access-Control-Allow-Origin"] == "*")
    }

    @Test func varyIsNotRepeated() {
        var response = HTTPResponse(status: .ok)
        response.addVary("Origin")
        response.addVary("accept-encoding")
        response.addVary("origin")
        response.addVary("Accept-Encoding")
        #expect(response.headers["Vary"] == "Origin, accept-encoding")
    }
}
