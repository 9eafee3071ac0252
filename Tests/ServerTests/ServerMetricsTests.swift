import Foundation
import HTTP
import Testing

@testable import Server

@Suite struct ServerMetricsTests {
    private func router(_ metrics: ServerMetrics) -> any HTTPResponder {
        var router = Router()
        router.get("/articles/{id}") { _, _, parameters in
            parameters["id"] == "missing"
                ? HTTPResponse(status: .notFound) : HTTPResponse(contentType: "text/plain", body: [0x61])
        }
        router.get("/health") { _, _, _ in HTTPResponse(status: .ok) }
        return router.build(metrics: metrics) { status, _ in HTTPResponse(status: status) }
    }

    private func get(_ responder: any HTTPResponder, _ path: String, loop: Int, method: HTTPMethod = .get) {
        _ = responder.respond(
            to: HTTPRequest(method: method, target: path),
            context: RequestContext(
                requestID: "t", remoteAddress: "127.0.0.1:1", receivedAt: MonotonicClock.now(), loopIndex: loop))
    }

    /// Every sample line as `name{labels}` to its value.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            samples[String(line[..<space])] = Double(line[line.index(after: space)...])
        }
        return samples
    }

    private func exposition(_ metrics: ServerMetrics) -> String {
        var text = MetricsText()
        metrics.write(to: &text)
        return text.text
    }

    @Test func requestsAreCountedByRoutePatternAndStatusAcrossLoops() {
        let metrics = ServerMetrics(namespace: "t", loopCount: 2)
        let responder = router(metrics)
        for (index, id) in ["a", "b", "c", "missing"].enumerated() { get(responder, "/articles/\(id)", loop: index) }
        get(responder, "/health", loop: 1)
        get(responder, "/health", loop: 1, method: .head)
        get(responder, "/nowhere/\(UUID())", loop: 0)
        get(responder, "/health", loop: 5)
        let samples = Self.samples(exposition(metrics))
        #expect(samples[#"t_http_requests_total{route="/articles/{id}",status="200"}"#] == 3)
        #expect(samples[#"t_http_requests_total{route="/articles/{id}",status="404"}"#] == 1)
        #expect(samples[#"t_http_requests_total{route="/health",status="200"}"#] == 3)
        #expect(samples[#"t_http_requests_total{route="(unmatched)",status="404"}"#] == 1)
        #expect(samples.keys.filter { $0.hasPrefix("t_http_requests_total") }.count == 4)
        #expect(samples[#"t_http_request_duration_seconds_count{route="/articles/{id}"}"#] == 4)
        #expect(samples[#"t_http_request_duration_seconds_bucket{route="/articles/{id}",le="+Inf"}"#] == 4)
    }

    @Test func histogramBucketsAreCumulativeAndSecondsAreSummed() {
        let metrics = ServerMetrics(namespace: "t", loopCount: 1)
        metrics.bind(routes: ["/r"])
        for microseconds: UInt64 in [50, 300, 300, 4000, 3_000_000] {
            metrics.recordRequest(loop: 0, route: 0, status: 200, nanoseconds: microseconds * 1000)
        }
        let samples = Self.samples(exposition(metrics))
        let bucket = { (le: String) in samples[#"t_http_request_duration_seconds_bucket{route="/r",le="\#(le)"}"#] }
        #expect(bucket("0.0001") == 1)
        #expect(bucket("0.00025") == 1)
        #expect(bucket("0.0005") == 3)
        #expect(bucket("0.005") == 4)
        #expect(bucket("2.5") == 4)
        #expect(bucket("+Inf") == 5)
        let sum = samples[#"t_http_request_duration_seconds_sum{route="/r"}"#] ?? 0
        #expect(abs(sum - 3.00465) < 1e-9)
    }

    @Test func labelValuesAndHelpAreEscaped() {
        var text = MetricsText()
        text.family("x", type: .gauge, help: "a \\ b\nc")
        text.sample("x", labels: [("route", "/a\"b\\c\nd")], value: 1.5)
        text.sample("x", value: Double.infinity)
        #expect(text.text == "# HELP x a \\\\ b\\nc\n# TYPE x gauge\nx{route=\"/a\\\"b\\\\c\\nd\"} 1.5\nx +Inf\n")
    }

    /// Through real sockets: connections open and accepted, requests refused before routing, and
    /// requests counted by the router the server calls.
    @Test(.timeLimit(.minutes(1))) func connectionsAndRejectionsOverTheWire() throws {
        let metrics = ServerMetrics(namespace: "t", loopCount: 2)
        try withServer(responder: router(metrics), metrics: metrics) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /health HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            var samples = Self.samples(exposition(metrics))
            #expect(samples["t_http_open_connections"] == 1)
            #expect(samples[#"t_http_requests_total{route="/health",status="200"}"#] == 1)
            let bad = try TestClient(port: port)
            try bad.send("GARBAGE\r\n\r\n")
            #expect(try bad.readResponse().status == 400)
            _ = try bad.readUntilClosed()
            let deadline = Date().addingTimeInterval(5)
            repeat {
                samples = Self.samples(exposition(metrics))
                if samples["t_http_open_connections"] == 1 { break }
                usleep(20_000)
            } while Date() < deadline
            #expect(samples["t_http_open_connections"] == 1)
            #expect(samples["t_http_connections_total"] == 2)
            #expect(samples["t_http_rejected_requests_total"] == 1)
        }
    }
}
