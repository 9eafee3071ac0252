import HTTP
import Testing

@testable import Server

@Suite struct HTTPSRedirectResponderTests {
    private func location(target: String, host: String?, port: Int = 8443) -> String? {
        var headers = HTTPFields()
        if let host { headers.append(name: "Host", value: host) }
        let responder = HTTPSRedirectResponder(httpsPort: port, fallbackHost: "fallback.example")
        let response = responder.respond(
            to: HTTPRequest(method: .get, target: target, headers: headers),
            context: RequestContext(requestID: "r", remoteAddress: "a", receivedAt: 0))
        #expect(response.status == .permanentRedirect)
        return response.headers["Location"]
    }

    @Test(arguments: [
        ("/a?b=c", "news.example:8080", "https://news.example:8443/a?b=c"),
        ("/", "news.example", "https://news.example:8443/"),
        ("/x", "[::1]:8080", "https://[::1]:8443/x"),
        ("http://news.example/abs?q", "news.example", "https://news.example:8443/abs?q"),
        ("*", "news.example", "https://news.example:8443/"),
        ("/x", "evil.example/path@", "https://fallback.example:8443/x"),
        ("/x", "", "https://fallback.example:8443/x"),
    ])
    func locationKeepsTheTargetOnTheHTTPSPort(target: String, host: String, expected: String) {
        #expect(location(target: target, host: host) == expected)
    }

    @Test func defaultPortIsLeftOut() {
        #expect(location(target: "/p", host: "news.example", port: 443) == "https://news.example/p")
    }
}
