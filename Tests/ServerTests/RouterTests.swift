import HTTP
import Testing

@testable import Server

@Suite struct RouterTests {
    private func responder() -> any HTTPResponder {
        var router = Router()
        router.get("/v1/articles") { _, _, _ in
            HTTPResponse(status: .ok, contentType: "text/plain", body: Array("list".utf8))
        }
        router.get("/v1/articles/{id}") { _, _, parameters in
            HTTPResponse(status: .ok, contentType: "text/plain", body: Array("article \(parameters["id"]!)".utf8))
        }
        router.get("/v1/articles/{id}/related") { _, _, parameters in
            HTTPResponse(status: .ok, contentType: "text/plain", body: Array("related \(parameters["id"]!)".utf8))
        }
        router.get("/v1/articles/latest") { _, _, _ in HTTPResponse(status: .ok, body: Array("latest".utf8)) }
        router.post("/v1/admin/reload") { _, _, _ in HTTPResponse(status: .accepted) }
        return router.build { status, detail in HTTPResponse(status: status, body: Array(detail.utf8)) }
    }

    private func send(_ method: HTTPMethod, _ target: String) -> HTTPResponse {
        responder().respond(
            to: HTTPRequest(method: method, target: target),
            context: RequestContext(requestID: "t", remoteAddress: "127.0.0.1:1", receivedAt: 0))
    }

    @Test(arguments: [
        ("/v1/articles", "list"), ("/v1/articles/a1", "article a1"), ("/v1/articles/a1/related", "related a1"),
        ("/v1/articles/latest", "latest"), ("/v1/articles/latest/related", "related latest"),
        ("/v1/articles/", "list"),
    ])
    func matchesLiteralsBeforeParameters(_ target: String, _ body: String) {
        let response = send(.get, target)
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test func unknownPathIs404() {
        #expect(send(.get, "/v1/nothing").status == .notFound)
        #expect(send(.get, "/v1/articles/a1/related/extra").status == .notFound)
    }

    @Test func wrongMethodIs405WithAllow() {
        let response = send(.delete, "/v1/articles/a1")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(send(.get, "/v1/admin/reload").headers["Allow"] == "POST, OPTIONS")
    }

    @Test func headIsServedByGetAndOptionsListsMethods() {
        #expect(send(.head, "/v1/articles/x").status == .ok)
        let options = send(.options, "/v1/articles")
        #expect(options.status == .noContent)
        #expect(options.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func undefinedMethodIs501() {
        #expect(send(.other("BREW"), "/v1/articles").status == .notImplemented)
    }

    /// Found by the conformance suite (Tests/conformance): `OPTIONS *` was a 404.
    @Test func optionsAsteriskDescribesTheWholeServer() {
        let response = send(.options, "*")
        #expect(response.status == .noContent)
        #expect(response.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
    }

    /// Found by the conformance suite: CONNECT was routed like a path and answered 404.
    @Test func connectIs501() {
        #expect(send(.connect, "example.test:443").status == .notImplemented)
    }

    /// `QUERY` is HTTP's (safe, with a body): a route that does not take it answers 405, not 501.
    @Test func queryMethodIs405WithAllow() {
        let response = send(.other("QUERY"), "/v1/articles")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func routeTableListsPatternsAndMethods() {
        var router = Router()
        router.get("/a") { _, _, _ in HTTPResponse() }
        router.post("/a") { _, _, _ in HTTPResponse() }
        #expect(router.routeTable.map(\.pattern) == ["/a"])
        #expect(router.routeTable.first?.methods == [.get, .post])
    }
}
