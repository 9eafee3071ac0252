import Corpus
import Foundation
import HTTP
import Server
import Testing

@testable import API

/// A server whose `entities.extract` is false, over real sockets with curl: the sample corpus is
/// loaded and reloaded through `loadCorpus` and the reload step as `newsdesk serve` does, every
/// request that needs entities answers a problem of type `entities-off`, everything else answers
/// as with extraction on (minus the entities), and each answer matches the OpenAPI document.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct EntitiesOffTests {
    static let off = "tag:newsdesk,2026:entities-off"

    /// A service over the sample corpus with extraction `extract`, loaded, on a port of its own.
    final class Server: Sendable {
        let service: NewsdeskService
        let server: HTTPServer
        let port: Int

        init(extract: Bool) throws {
            var configuration = NewsdeskConfiguration()
            configuration.extractEntities = extract
            configuration.server.host = "127.0.0.1"
            configuration.server.port = 0
            configuration.server.threads = 2
            service = NewsdeskService(configuration: configuration)
            service.loadCorpus()
            server = HTTPServer(configuration: configuration.server, responder: service.makeResponder())
            port = try server.start()
        }

        deinit {
            server.shutdown()
            server.waitUntilStopped()
        }

        /// Status and body of a GET over the socket.
        func get(_ target: String) throws -> (status: Int, body: [String: Any]) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = ["-s", "--max-time", "20", "-w", "\n%{http_code}", "http://127.0.0.1:\(port)\(target)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            let cut = text.lastIndex(of: "\n") ?? text.endIndex
            let body = (try? JSONSerialization.jsonObject(with: Data(text[..<cut].utf8))) as? [String: Any] ?? [:]
            try Self.expectDocumented(target, Int(text[cut...].dropFirst()) ?? 0, Data(text[..<cut].utf8))
            return (Int(text[cut...].dropFirst()) ?? 0, body)
        }

        /// The `ETag` header of a GET's answer.
        func etag(_ target: String) throws -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = [
                "-s", "--max-time", "20", "-o", "/dev/null", "-D", "-", "http://127.0.0.1:\(port)\(target)",
            ]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let line = String(decoding: data, as: UTF8.self).split(separator: "\r\n").first {
                $0.lowercased().hasPrefix("etag:")
            }
            return line.map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) }
        }

        /// The body matches the OpenAPI schema of the route's answer with that status.
        static func expectDocumented(_ target: String, _ status: Int, _ body: Data) throws {
            let path = target.split(separator: "?")[0]
            let pattern = OpenAPIContractTests.paths.keys.first { documented in
                let parts = documented.split(separator: "/")
                let given = path.split(separator: "/")
                return parts.count == given.count
                    && zip(parts, given).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }
            let documented = pattern.flatMap { OpenAPIContractTests.paths[$0]?["get"]?["responses"]?[String(status)] }
            let resolved = documented?["$ref"]?.string.flatMap(OpenAPIContractTests.document.resolve) ?? documented
            let content = resolved?["content"]?.objectValue ?? [:]
            let schema = try #require(content.values.first?["schema"], "\(target): \(status) is not documented")
            let problems = JSONSchemaCheck.problems(
                try JSONValue.parse(Array(body)), against: schema, in: OpenAPIContractTests.document)
            #expect(problems == [], "\(target)")
        }
    }

    static let server = Result { try Server(extract: false) }

    @Test func statsSayExtractionIsOffAndCountNoEntities() throws {
        let (status, stats) = try Self.server.get().get("/v1/stats")
        #expect(status == 200)
        #expect(stats["entityExtraction"] as? Bool == false)
        #expect(stats["entities"] as? Int == 0)
        #expect((stats["articles"] as? Int ?? 0) >= 30)
        #expect((stats["terms"] as? Int ?? 0) > 1000)
    }

    /// Before any parameter is read: a bad `limit` still learns why there are no entities.
    @Test(arguments: [
        "/v1/entities", "/v1/entities?type=person&limit=1000", "/v1/entities/person/ingrid-halvorsen",
        "/v1/entities/person/ingrid-halvorsen/articles?sort=-date", "/v1/entities/location/valby/timeline",
        "/v1/entities/person/nobody/timeline?interval=year",
    ])
    func entityEndpointsAre404EntitiesOff(_ target: String) throws {
        let (status, problem) = try Self.server.get().get(target)
        #expect(status == 404)
        #expect(problem["type"] as? String == Self.off)
        #expect(problem["title"] as? String == "Entity extraction is off")
        #expect((problem["detail"] as? String)?.contains("entities.extract true (--entities") == true)
        #expect(problem["instance"] as? String == String(target.split(separator: "?")[0]))
    }

    @Test(arguments: [
        ("/v1/search?q=election&entity=person/ingrid-halvorsen", "entity", "filtering by entity"),
        ("/v1/search?q=election&facets=source,entity.person", "facets", "the facet entity.person"),
        ("/v1/search?q=election%20entity:%22Ingrid%20Halvorsen%22", "q", "the term entity:"),
        ("/v1/search?q=NOT%20entity.location:location/valby", "q", "the term entity.location:"),
        ("/v1/search?q=(a%20OR%20entity:x)%20b", "q", "the term entity:"),
    ])
    func searchParametersNamingEntitiesAre400(_ target: String, _ parameter: String, _ what: String) throws {
        let (status, problem) = try Self.server.get().get(target)
        #expect(status == 400)
        #expect(problem["type"] as? String == Self.off)
        #expect(problem["title"] as? String == "Entity extraction is off")
        #expect(problem["parameter"] as? String == parameter)
        #expect(
            (problem["detail"] as? String)?.hasPrefix("\(parameter): \(what) needs entities, and this server does not")
                == true)
    }

    /// What does not name entities answers as ever: plain searches, source facets, syntax errors.
    @Test func searchWithoutEntitiesAnswersAsUsual() throws {
        let server = try Self.server.get()
        let (status, results) = try server.get("/v1/search?q=halvorsen&facets=source,month")
        #expect(status == 200)
        #expect((results["total"] as? Int ?? 0) >= 5)
        #expect((results["facets"] as? [String: Any])?.keys.sorted() == ["month", "source"])
        let (badStatus, problem) = try server.get("/v1/search?q=(halvorsen")
        #expect(badStatus == 400)
        #expect(problem["type"] as? String == "about:blank")
        #expect((problem["detail"] as? String)?.hasPrefix("q: expected a closing parenthesis") == true)
    }

    /// Words only, as many as asked for; a server with entities puts names first for the same prefix.
    @Test func suggestOffersWordsOnly() throws {
        let (status, body) = try Self.server.get().get("/v1/suggest?q=hal&limit=4")
        #expect(status == 200)
        let items = body["items"] as? [[String: Any]] ?? []
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0["kind"] as? String == "term" })
        #expect(items.contains { $0["text"] as? String == "halvorsen" })
        let on = try Server(extract: true)
        let named = try on.get("/v1/suggest?q=hal&limit=4").body["items"] as? [[String: Any]] ?? []
        #expect(named.first?["kind"] as? String == "entity")
    }

    /// The record of an article is the one a server with entities gives, with no entities.
    @Test func articleRecordsHaveNoEntitiesAndAreOtherwiseTheSame() throws {
        let on = try Server(extract: true)
        let target = "/v1/articles/nw-election-result"
        var (status, record) = try Self.server.get().get(target)
        #expect(status == 200)
        #expect(record["entities"] as? [Any] != nil)
        #expect((record["entities"] as? [Any])?.isEmpty == true)
        var (onStatus, full) = try on.get(target)
        #expect(onStatus == 200)
        #expect((full["entities"] as? [Any])?.isEmpty == false)
        record["entities"] = nil
        full["entities"] = nil
        #expect(NSDictionary(dictionary: record).isEqual(to: full))
        (status, _) = try Self.server.get().get("/v1/articles/nw-election-result/related")
        #expect(status == 200)
    }

    /// Records and suggestions differ with the setting, so their validators do too: a client that
    /// kept an answer from one setting revalidates it against the other and gets the new body.
    @Test func theETagTellsTheSettingsApart() throws {
        let on = try Server(extract: true)
        for target in ["/v1/articles/nw-election-result", "/v1/suggest?q=hal"] {
            let offTag = try Self.server.get().etag(target)
            let onTag = try on.etag(target)
            #expect(offTag != nil)
            #expect(onTag != nil)
            #expect(offTag != onTag, "\(target)")
        }
    }

    /// A reload builds the new corpus with the same setting.
    @Test func aReloadKeepsExtractionOff() throws {
        let server = try Server(extract: false)
        let before = try server.get("/v1/stats").body["reloads"] as? Int
        let detail = try server.service.corpusReloadStep.run()
        #expect(detail.contains("articles"))
        let (status, stats) = try server.get("/v1/stats")
        #expect(status == 200)
        #expect(stats["reloads"] as? Int == (before ?? 0) + 1)
        #expect(stats["entityExtraction"] as? Bool == false)
        #expect(stats["entities"] as? Int == 0)
        #expect(try server.get("/v1/entities").status == 404)
    }
}
