import Foundation
import Testing

/// Compression, revalidation and metrics of the real binary as real clients see them: curl decodes
/// the gzip, Python's `prometheus_client` parses the exposition.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HTTPBehaviourEndToEndTests {
    /// Status line and header fields (names lower-cased) of a `curl -i` head, and what follows it.
    private func split(_ output: String) -> (status: Int, headers: [String: String], body: String) {
        let parts = output.components(separatedBy: "\r\n\r\n")
        let lines = parts[0].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return (status, headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    private func jsonObject(_ text: String) -> NSObject? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? NSObject
    }

    @Test(arguments: [
        "/v1/articles?limit=50", "/v1/articles/nw-election-result", "/v1/search?q=strike", "/v1/entities",
    ])
    func curlCompressedDecodesToTheSameJSONAndBothTagsRevalidate(_ path: String) throws {
        let server = try ServerProcess()
        let identity = split(try curl(["-i", server.url(path)]).output)
        let gzip = split(try curl(["-i", "--compressed", server.url(path)]).output)
        #expect(identity.status == 200)
        #expect(gzip.status == 200)
        #expect(identity.headers["content-encoding"] == nil)
        #expect(gzip.headers["content-encoding"] == "gzip")
        #expect(identity.headers["vary"] == "Accept-Encoding")
        #expect(gzip.headers["vary"] == "Accept-Encoding")
        let compressedLength = try #require(Int(gzip.headers["content-length"] ?? ""))
        #expect(compressedLength < identity.body.utf8.count)
        #expect(jsonObject(gzip.body) != nil)
        #expect(jsonObject(gzip.body) == jsonObject(identity.body))

        let identityTag = try #require(identity.headers["etag"])
        let gzipTag = try #require(gzip.headers["etag"])
        #expect(gzipTag == identityTag.dropLast() + "-gzip\"")
        let code = ["-o", "/dev/null", "-w", "%{http_code}"]
        #expect(try curl(code + ["-H", "If-None-Match: \(identityTag)", server.url(path)]).output == "304")
        #expect(try curl(code + ["--compressed", "-H", "If-None-Match: \(gzipTag)", server.url(path)]).output == "304")
        // Each tag names one representation only.
        #expect(
            try curl(code + ["--compressed", "-H", "If-None-Match: \(identityTag)", server.url(path)]).output == "200")
        #expect(try curl(code + ["-H", "If-None-Match: \(gzipTag)", server.url(path)]).output == "200")

        let head = split(try curl(["-s", "-I", "--compressed", server.url(path)]).output)
        #expect(head.headers["content-length"] == String(compressedLength))
        #expect(head.headers["etag"] == gzipTag)
    }

    @Test func metricsParseWithPrometheusClientAndCountersMove() throws {
        let server = try ServerProcess()
        let before = try scrape(server)
        for _ in 0..<3 { _ = try curl([server.url("/v1/articles/nw-election-result")]) }
        _ = try curl([server.url("/v1/articles/no-such-article")])
        _ = try curl([server.url("/no/such/path")])
        let after = try scrape(server)
        let record = #"newsdesk_http_requests_total{route="/v1/articles/{id}",status="200"}"#
        #expect((after[record] ?? 0) - (before[record] ?? 0) == 3)
        let missing = #"newsdesk_http_requests_total{route="/v1/articles/{id}",status="404"}"#
        #expect((after[missing] ?? 0) - (before[missing] ?? 0) == 1)
        #expect((after[#"newsdesk_http_requests_total{route="(unmatched)",status="404"}"#] ?? 0) >= 1)
        let count = #"newsdesk_http_request_duration_seconds_count{route="/v1/articles/{id}"}"#
        #expect((after[count] ?? 0) - (before[count] ?? 0) == 4)
        #expect(
            after[#"newsdesk_http_request_duration_seconds_bucket{le="+Inf",route="/v1/articles/{id}"}"#]
                == after[count])
        #expect((after["newsdesk_http_open_connections"] ?? 0) >= 1)
        #expect((after["newsdesk_http_connections_total"] ?? 0) >= 7)
        #expect((after["newsdesk_corpus_articles"] ?? 0) >= 30)
        #expect((after["newsdesk_corpus_entities"] ?? 0) > 0)
        #expect((after["newsdesk_corpus_terms"] ?? 0) > 0)
        #expect((after["newsdesk_corpus_load_seconds"] ?? 0) > 0)
        #expect(after["newsdesk_corpus_loads_total"] == 1)

        let head = split(try curl(["-i", "--compressed", server.url("/metrics")]).output)
        #expect(head.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(head.headers["cache-control"] == "no-store")
    }

    /// The exposition as parsed by `prometheus_client.parser.text_string_to_metric_families`: every
    /// sample as `name{labels sorted}` to its value. A parse error fails the test.
    private func scrape(_ server: ServerProcess) throws -> [String: Double] {
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = {}
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    labels = ",".join('%s="%s"' % (k, v) for k, v in sorted(s.labels.items()))
                    out[s.name + ("{" + labels + "}" if labels else "")] = s.value
            print(json.dumps(out))
            """
        let text = try curl([server.url("/metrics")]).output
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "prometheus_client could not parse /metrics: \(problem)")
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Double])
    }
}

/// CORS as a browser's preflight and request meet it, against the binary configured by environment.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct CORSEndToEndTests {
    private func headers(_ output: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in output.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return headers
    }

    @Test func preflightAndRequestFromAConfiguredOrigin() throws {
        let server = try ServerProcess(environment: ["NEWSDESK_CORS_ORIGINS": "https://app.example"])
        let preflight = try curl([
            "-i", "-X", "OPTIONS", "-H", "Origin: https://app.example", "-H", "Access-Control-Request-Method: GET",
            "-H", "Access-Control-Request-Headers: x-request-id", server.url("/v1/articles"),
        ]).output
        #expect(preflight.hasPrefix("HTTP/1.1 204"))
        let granted = headers(preflight)
        #expect(granted["access-control-allow-origin"] == "https://app.example")
        #expect(granted["access-control-allow-methods"]?.contains("GET") == true)
        #expect(granted["access-control-allow-headers"] == "x-request-id")
        #expect(granted["access-control-max-age"] == "600")
        #expect(granted["vary"] == "Origin")

        let request = headers(try curl(["-i", "-H", "Origin: https://app.example", server.url("/v1/articles")]).output)
        #expect(request["access-control-allow-origin"] == "https://app.example")
        #expect(request["access-control-expose-headers"]?.contains("ETag") == true)
        #expect(request["vary"] == "Accept-Encoding, Origin")

        let stranger = try curl([
            "-i", "-X", "OPTIONS", "-H", "Origin: https://evil.example", "-H", "Access-Control-Request-Method: GET",
            server.url("/v1/articles"),
        ]).output
        #expect(headers(stranger)["access-control-allow-origin"] == nil)
        let plain = headers(try curl(["-i", server.url("/v1/articles")]).output)
        #expect(plain["access-control-allow-origin"] == nil)
        #expect(plain["vary"] == "Accept-Encoding, Origin")
    }

    @Test func noOriginsByDefault() throws {
        let server = try ServerProcess()
        let response = headers(
            try curl(["-i", "-H", "Origin: https://app.example", server.url("/v1/articles")]).output)
        #expect(response["access-control-allow-origin"] == nil)
        #expect(response["vary"] == "Accept-Encoding")
    }
}
