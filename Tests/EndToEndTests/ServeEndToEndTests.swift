import Foundation
import Testing

/// The real `newsdesk` binary, started as a user starts it, spoken to with curl and raw sockets.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ServeEndToEndTests {
    private func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test func servesTheBundledSampleCorpusWithNoArguments() throws {
        let server = try ServerProcess()
        let list = json(try curl([server.url("/v1/articles?limit=100")]).output)
        let items = list["items"] as? [[String: Any]] ?? []
        #expect((list["total"] as? Int ?? 0) >= 30)
        #expect(items.count == list["total"] as? Int)
        let id = try #require(items.first?["id"] as? String)
        let record = json(try curl([server.url("/v1/articles/\(id)")]).output)
        #expect(record["id"] as? String == id)
        #expect(!(record["paragraphs"] as? [String] ?? []).isEmpty)
        let stats = json(try curl([server.url("/v1/stats")]).output)
        #expect(stats["articles"] as? Int == list["total"] as? Int)
        #expect(server.stop() == 0)
    }

    @Test func badParameterIs400ProblemNamingIt() throws {
        let server = try ServerProcess()
        let result = try curl(["-i", server.url("/v1/articles?limit=abc")])
        #expect(result.output.hasPrefix("HTTP/1.1 400"))
        #expect(result.output.lowercased().contains("content-type: application/problem+json"))
        #expect(result.output.contains(#""parameter":"limit""#))
    }

    @Test func malformedRequestIsAnswered400AndClosedAndTheServerGoesOn() throws {
        let server = try ServerProcess()
        for request in [
            "GET / HTTP/1.1\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GARBAGE\r\n\r\n",
        ] {
            let connection = try RawConnection(port: server.port)
            connection.send(request)
            let (text, closed) = connection.readToEnd()
            #expect(text.hasPrefix("HTTP/1.1 400"), "\(request.debugDescription) got \(text.prefix(40))")
            #expect(closed)
        }
        #expect(try curl([server.url("/health")]).output == #"{"status":"ok"}"#)
    }

    @Test func accessLogHasOneLinePerRequestWithTheRequestID() throws {
        let server = try ServerProcess(["--log-format", "json"])
        _ = try curl(["-H", "X-Request-Id: trace-42", server.url("/v1/articles?limit=1")])
        let deadline = Date().addingTimeInterval(5)
        while !server.standardError.contains("trace-42") && Date() < deadline { usleep(50_000) }
        let line = server.standardError.split(separator: "\n").first { $0.contains("trace-42") }
        let entry = json(String(line ?? ""))
        #expect(entry["status"] as? Int == 200)
        #expect(entry["method"] as? String == "GET")
        #expect((entry["path"] as? String)?.hasPrefix("/v1/articles") == true)
    }

    @Test func unreadableRecordsAreReportedByFileAndLineAndTheRestLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = [
            #"{"id": "good-1", "title": "First", "body": "A body of text.", "date": "2026-01-02"}"#,
            #"{"id": "bad", "title": "#,
            #"{"id": "good-2", "title": "Second", "body": "Another body.", "date": "2026-01-03"}"#,
        ]
        try lines.joined(separator: "\n").write(
            to: folder.appendingPathComponent("dump.jsonl"), atomically: true, encoding: .utf8)
        let server = try ServerProcess(["--data", folder.path])
        #expect(json(try curl([server.url("/v1/articles")]).output)["total"] as? Int == 2)
        #expect(server.standardError.contains("dump.jsonl:2"))
    }

    @Test func unknownConfigurationKeyStopsStartUpNamingIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-config-\(UUID()).json")
        try #"{"server": {"prot": 1}}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ServerProcess.Failure.self) { _ = try ServerProcess(["--config", file.path]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerProcess.binaryPath)
        process.arguments = ["serve", "--config", file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("server.prot"))
    }
}
