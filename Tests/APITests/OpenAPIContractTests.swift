import Foundation
import HTTP
import Server
import Testing

@testable import API

/// Keeps `GET /openapi.json` true to the server: the operations it lists are the router's routes,
/// every parameter it documents is accepted and every other one refused, and real responses from
/// the sample corpus (and its own examples) match its schemas.
@Suite struct OpenAPIContractTests {
    /// The bundled document, parsed.
    static let document: JSONValue = {
        guard let bytes = OpenAPIDocument.bytes, let document = try? JSONValue.parse(bytes) else { return .null }
        return document
    }()

    /// A service on the bundled sample corpus, which the document's examples come from.
    static let sample: any HTTPResponder = {
        let service = NewsdeskService(configuration: NewsdeskConfiguration())
        service.loadCorpus()
        return service.makeResponder()
    }()

    /// Documented operations that exist only when configured: the admin endpoints need an
    /// `admin.token` (and the reloader the executable wires in); without them they are 404.
    static let routedOnlyWhenConfigured: Set<String> = ["GET /v1/admin/reload", "POST /v1/admin/reload"]

    /// Routes outside the JSON API that ignore the query string: probes, files, the page, metrics.
    static let ignoringQuery: Set<String> = ["/health", "/ready", "/", "/assets/{name}", "/openapi.json", "/metrics"]

    static let methods = ["get", "head", "post", "put", "patch", "delete", "options", "trace"]

    static var paths: [String: JSONValue] { document["paths"]?.objectValue ?? [:] }

    static var documentedOperations: Set<String> {
        Set(
            paths.flatMap { path, item in
                (item.objectValue ?? [:]).keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })
    }

    /// The parameters of `GET path`, references resolved.
    static func parameters(_ path: String, in location: String) -> [JSONValue] {
        (paths[path]?["get"]?["parameters"]?.arrayValue ?? []).compactMap { parameter in
            let resolved = parameter["$ref"]?.string.flatMap(document.resolve) ?? parameter
            return resolved["in"]?.string == location ? resolved : nil
        }
    }

    /// A parameter's `example` as a query value.
    static func exampleValue(_ parameter: JSONValue) -> String? {
        switch parameter["example"] {
        case .string(let text): text
        case .number(let number): String(Int(number))
        case .bool(let flag): String(flag)
        case .array(let items): items.first?.string
        default: nil
        }
    }

    /// `path` with its `{name}` segments replaced by their examples, and the required query
    /// parameters (with their examples) plus `extra`.
    static func target(_ path: String, extra: [(String, String)] = []) -> String {
        var target = path
        for parameter in parameters(path, in: "path") {
            guard let name = parameter["name"]?.string, let value = exampleValue(parameter) else { continue }
            target = target.replacingOccurrences(of: "{\(name)}", with: value)
        }
        let required = parameters(path, in: "query").filter { $0["required"] == .bool(true) }.compactMap {
            parameter -> (String, String)? in
            guard let name = parameter["name"]?.string, let value = exampleValue(parameter) else { return nil }
            return extra.contains { $0.0 == name } ? nil : (name, value)
        }
        let query = (required + extra).map { "\($0.0)=\(ArticleListRequest.encode($0.1))" }
        return query.isEmpty ? target : target + "?" + query.joined(separator: "&")
    }

    @Test func documentIsOpenAPI31AndServedWithAValidator() throws {
        #expect(Self.document["openapi"]?.string == "3.1.0")
        let responder = APIFixtures.service().1
        let response = APIFixtures.get("/openapi.json", on: responder)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.body == OpenAPIDocument.bytes)
        let etag = try #require(response.headers["ETag"])
        let again = APIFixtures.get("/openapi.json", on: responder, headers: [("If-None-Match", etag)])
        #expect(again.status == .notModified)
    }

    @Test func documentedOperationsAreTheRoutedOnes() {
        var router = Router()
        NewsdeskService(configuration: NewsdeskConfiguration()).addRoutes(to: &router)
        let routed = Set(router.routeTable.flatMap { route in route.methods.map { "\($0) \(route.pattern)" } })
        let documented = Self.documentedOperations
        #expect(routed.subtracting(documented).sorted() == [], "routed but not in openapi.json")
        let missing = documented.subtracting(routed).subtracting(Self.routedOnlyWhenConfigured)
        #expect(missing.sorted() == [], "in openapi.json but not routed")
    }

    @Test func everyDocumentedParameterIsAccepted() {
        for path in Self.paths.keys.sorted() where Self.paths[path]?["get"] != nil && path.hasPrefix("/v1/") {
            for parameter in Self.parameters(path, in: "query") {
                guard let name = parameter["name"]?.string else { continue }
                guard let value = Self.exampleValue(parameter) else {
                    // No example (an opaque cursor): it must at least be a parameter the handler knows.
                    let response = APIFixtures.get(Self.target(path, extra: [(name, "x")]), on: Self.sample)
                    let detail = APIFixtures.json(response)["detail"] as? String ?? ""
                    #expect(!detail.contains("unknown parameter"), "\(path) refuses its documented \(name)")
                    continue
                }
                let target = Self.target(path, extra: [(name, value)])
                let response = APIFixtures.get(target, on: Self.sample)
                #expect(
                    response.status == .ok, "\(target): \(String(decoding: response.body.prefix(300), as: UTF8.self))")
            }
        }
    }

    @Test func everyUndocumentedParameterIsRefused() {
        let allNames = Set(
            Self.paths.keys.flatMap { Self.parameters($0, in: "query").compactMap { $0["name"]?.string } })
        let unrouted = Self.routedOnlyWhenConfigured
        for path in Self.paths.keys.sorted() where !unrouted.contains("GET \(path)") && Self.paths[path]?["get"] != nil
        {
            let documented = Set(Self.parameters(path, in: "query").compactMap { $0["name"]?.string })
            if Self.ignoringQuery.contains(path) {
                #expect(documented.isEmpty, "\(path) ignores the query string, so it documents no query parameter")
                continue
            }
            for name in allNames.union(["zzz", "limt"]).subtracting(documented).sorted() {
                let response = APIFixtures.get(Self.target(path, extra: [(name, "1")]), on: Self.sample)
                let problem = APIFixtures.json(response)
                #expect(response.status == .badRequest, "\(path) accepts the undocumented \(name)")
                #expect(problem["parameter"] as? String == name)
            }
            // The refusal lists what the handler takes: exactly what the document says it takes.
            let refusal = APIFixtures.json(APIFixtures.get(Self.target(path, extra: [("zzz", "1")]), on: Self.sample))
            let taken = (refusal["detail"] as? String)?.components(separatedBy: "this endpoint takes ").last ?? ""
            let names = Set(taken.components(separatedBy: ", ").filter { !$0.isEmpty })
            #expect(names == documented, "\(path) takes \(names.sorted()), documents \(documented.sorted())")
        }
    }

    /// Requests against the sample corpus, the documented path they answer on and the status.
    static let samples: [(path: String, target: String, status: Int)] = [
        ("/health", "/health", 200), ("/ready", "/ready", 200), ("/v1/stats", "/v1/stats", 200),
        ("/v1/articles", "/v1/articles?limit=3&sort=date", 200), ("/v1/articles", "/v1/articles?limit=abc", 400),
        ("/v1/articles/{id}", "/v1/articles/nw-election-result", 200),
        ("/v1/articles/{id}", "/v1/articles/epr-valby-fc-europe", 200),
        ("/v1/articles/{id}", "/v1/articles/no-such-article", 404),
        ("/v1/articles/{id}/related", "/v1/articles/nw-election-result/related?limit=3&offset=1", 200),
        (
            "/v1/search", "/v1/search?q=strike+OR+election&facets=source,category,month,entity.person,entity.location",
            200
        ),
        ("/v1/search", "/v1/search?q=harbor~&sort=-date&highlight=false", 200),
        ("/v1/search", "/v1/search?q=strik&limit=2", 200), ("/v1/search", "/v1/search?q=%22port+of", 400),
        ("/v1/suggest", "/v1/suggest?q=val", 200), ("/v1/suggest", "/v1/suggest?q=+", 200),
        ("/v1/entities", "/v1/entities?type=location&sort=name&limit=5", 200),
        ("/v1/entities/{type}/{slug}", "/v1/entities/person/ingrid-halvorsen", 200),
        ("/v1/entities/{type}/{slug}", "/v1/entities/person/nobody", 404),
        ("/v1/entities/{type}/{slug}/articles", "/v1/entities/location/valby/articles?sort=-date&limit=3", 200),
        ("/v1/entities/{type}/{slug}/timeline", "/v1/entities/location/valby/timeline?interval=week", 200),
    ]

    @Test func realResponsesMatchTheirSchemas() throws {
        for sample in Self.samples {
            let response = APIFixtures.get(sample.target, on: Self.sample)
            #expect(response.status.code == sample.status, "\(sample.target)")
            let contentType = response.headers["Content-Type"] ?? ""
            let documented = Self.paths[sample.path]?["get"]?["responses"]?[String(sample.status)]
            let resolved = documented?["$ref"]?.string.flatMap(Self.document.resolve) ?? documented
            let schema = try #require(
                resolved?["content"]?[contentType]?["schema"], "\(sample.target): \(contentType) is not documented")
            let body = try JSONValue.parse(response.body)
            let problems = JSONSchemaCheck.problems(body, against: schema, in: Self.document)
            #expect(problems == [], "\(sample.target)")
        }
    }

    @Test func examplesMatchTheirSchemas() {
        var responses: [(String, JSONValue)] = []
        for (path, item) in Self.paths {
            for (method, operation) in item.objectValue ?? [:] {
                for (status, response) in operation["responses"]?.objectValue ?? [:] {
                    responses.append(("\(method) \(path) \(status)", response))
                }
            }
        }
        for (name, response) in Self.document.resolve("#/components/responses")?.objectValue ?? [:] {
            responses.append((name, response))
        }
        var checked = 0
        for (name, response) in responses {
            for (type, content) in response["content"]?.objectValue ?? [:] {
                guard let example = content["example"], let schema = content["schema"] else { continue }
                let problems = JSONSchemaCheck.problems(example, against: schema, in: Self.document)
                #expect(problems == [], "\(name) \(type)")
                checked += 1
            }
        }
        #expect(checked >= 16)
    }

    /// The schema check itself: it must catch what the contract relies on it to catch.
    @Test func schemaCheckCatchesViolations() throws {
        let schema = Self.document.resolve("#/components/schemas/ArticleList")!
        let good = try JSONValue.parse(Array(#"{"total":1,"limit":1,"offset":0,"next":null,"items":[]}"#.utf8))
        #expect(JSONSchemaCheck.problems(good, against: schema, in: Self.document) == [])
        for bad in [
            #"{"total":1,"limit":1,"offset":0,"items":[]}"#,
            #"{"total":1,"limit":1,"offset":0,"next":null,"items":[],"x":1}"#,
            #"{"total":"1","limit":1,"offset":0,"next":null,"items":[]}"#,
            #"{"total":1,"limit":0,"offset":0,"next":null,"items":[]}"#,
            #"{"total":1,"limit":1,"offset":0,"next":null,"items":[{"id":"a"}]}"#,
            #"{"total":1.5,"limit":1,"offset":0,"next":true,"items":[]}"#,
        ] {
            let value = try JSONValue.parse(Array(bad.utf8))
            #expect(!JSONSchemaCheck.problems(value, against: schema, in: Self.document).isEmpty, "\(bad)")
        }
    }
}
