import Foundation
import Testing

/// `newsdesk serve --no-entities` (and `NEWSDESK_ENTITIES`, `entities.extract`) as a user runs it:
/// the real binary on the bundled sample corpus, spoken to with curl.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct EntitiesOffEndToEndTests {
    static let off = "tag:newsdesk,2026:entities-off"

    private func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    private func extracts(_ server: ServerProcess) throws -> Bool? {
        json(try curl([server.url("/v1/stats")]).output)["entityExtraction"] as? Bool
    }

    /// Runs the binary to its end; standard output and error together.
    private func run(_ arguments: [String], wrappedIn wrapper: [String] = []) throws -> (output: String, status: Int32)
    {
        let process = Process()
        let command = wrapper + [ServerProcess.binaryPath] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("NEWSDESK_") }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test func noEntitiesServesArticlesAndSearchAndRefusesEntityRequests() throws {
        let server = try ServerProcess(["--no-entities"])
        let stats = json(try curl([server.url("/v1/stats")]).output)
        #expect(stats["entityExtraction"] as? Bool == false)
        #expect(stats["entities"] as? Int == 0)
        #expect((stats["articles"] as? Int ?? 0) >= 30)
        #expect(server.standardError.contains("entity extraction is off (entities.extract)"))

        let entities = try curl(["-i", server.url("/v1/entities?type=person")]).output
        #expect(entities.hasPrefix("HTTP/1.1 404"))
        #expect(entities.lowercased().contains("content-type: application/problem+json"))
        #expect(entities.contains(#""type":"\#(Self.off)""#))
        #expect(entities.contains("--entities"))

        let facet = json(try curl([server.url("/v1/search?q=election&facets=entity.person")]).output)
        #expect(facet["status"] as? Int == 400)
        #expect(facet["parameter"] as? String == "facets")
        #expect(facet["type"] as? String == Self.off)

        let search = json(try curl([server.url("/v1/search?q=halvorsen")]).output)
        #expect((search["total"] as? Int ?? 0) > 0)
        let suggestions = json(try curl([server.url("/v1/suggest?q=hal")]).output)["items"] as? [[String: Any]] ?? []
        #expect(!suggestions.isEmpty && suggestions.allSatisfy { $0["kind"] as? String == "term" })
        let record = json(try curl([server.url("/v1/articles/nw-election-result")]).output)
        #expect((record["entities"] as? [Any])?.isEmpty == true)
        #expect(server.stop() == 0)
    }

    /// Flags over the environment over the file, through the real binary.
    @Test func theSettingComesFromFlagEnvironmentOrFile() throws {
        #expect(try extracts(ServerProcess()) == true)
        #expect(try extracts(ServerProcess(environment: ["NEWSDESK_ENTITIES": "false"])) == false)
        #expect(try extracts(ServerProcess(["--entities"], environment: ["NEWSDESK_ENTITIES": "false"])) == true)
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-e2e-\(UUID()).json")
        try #"{"entities": {"extract": false}}"#.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        #expect(try extracts(ServerProcess(["--config", config.path])) == false)
        #expect(
            try extracts(ServerProcess(["--config", config.path], environment: ["NEWSDESK_ENTITIES": "on"])) == true)
    }

    @Test func aWrongValueStopsStartUpNamingTheKey() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-e2e-\(UUID()).json")
        try #"{"entities": {"extract": "sometimes"}}"#.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let (output, status) = try run(["serve", "--port", "0", "--config", config.path])
        #expect(status != 0)
        #expect(output.contains(#"configuration key "entities.extract""#) && output.contains("true or false"))
    }

    @Test func helpListsTheFlag() throws {
        let (output, status) = try run(["serve", "--help"])
        #expect(status == 0)
        #expect(output.contains("--entities/--no-entities"))
        #expect(output.contains("NEWSDESK_ENTITIES"))
    }

    /// The gazetteers are not even opened: `strace` lists every file the process opens. `check`
    /// loads the corpus through the same `Snapshot.load` as `serve`.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func noEntitiesNeverOpensTheGazetteers() throws {
        let sample = ServerProcess.packageRoot.appendingPathComponent("Sources/Corpus/SampleCorpus").path
        let trace = ["/usr/bin/strace", "-f", "-e", "trace=openat", "-qq"]
        let with = try run(["check", sample], wrappedIn: trace)
        try #require(with.status == 0, "strace could not run here: \(with.output.suffix(300))")
        #expect(with.output.contains("Gazetteer/people.txt"), "the control run opened no gazetteer")
        let without = try run(["check", "--no-entities", sample], wrappedIn: trace)
        #expect(without.status == 0)
        #expect(without.output.contains("articles"))
        #expect(!without.output.contains("Gazetteer/"))
    }
}
