import Foundation
import HTTP
import Testing

@testable import API

@Suite struct ArticleEndpointTests {
    let responder = APIFixtures.service().1

    private func ids(_ target: String) -> [String] {
        let body = APIFixtures.json(APIFixtures.get(target, on: responder))
        return (body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func listsNewestFirstByDefaultWithUndatedLast() {
        #expect(ids("/v1/articles") == ["c-3", "d-4", "b-2", "a-1", "e-5"])
    }

    @Test(arguments: [
        ("/v1/articles?sort=date", ["e-5", "a-1", "b-2", "d-4", "c-3"]),
        ("/v1/articles?sort=id", ["a-1", "b-2", "c-3", "d-4", "e-5"]),
        ("/v1/articles?source=tech+wire", ["d-4", "a-1", "e-5"]),
        ("/v1/articles?source=Tech%20Wire&category=business", ["d-4"]),
        ("/v1/articles?category=business&category=world", ["c-3", "d-4", "b-2"]),
        ("/v1/articles?from=2026-05-02", ["c-3", "d-4", "b-2"]),
        ("/v1/articles?to=2026-05-02", ["b-2", "a-1"]),
        ("/v1/articles?from=2026-04-01&to=2026-06-20&sort=id", ["b-2", "c-3", "d-4"]),
        ("/v1/articles?from=2026-06-21", []),
        ("/v1/articles?source=nobody", []),
    ])
    func filtersAndSorts(_ target: String, _ expected: [String]) {
        #expect(ids(target) == expected)
    }

    @Test func pagesCarryTotalAndNextLink() {
        let first = APIFixtures.json(APIFixtures.get("/v1/articles?limit=2&source=Tech+Wire", on: responder))
        #expect(first["total"] as? Int == 3)
        #expect(first["limit"] as? Int == 2)
        #expect(first["offset"] as? Int == 0)
        let next = first["next"] as? String
        #expect(next == "/v1/articles?limit=2&offset=2&source=Tech%20Wire")
        let second = APIFixtures.json(APIFixtures.get(next ?? "", on: responder))
        #expect((second["items"] as? [[String: Any]])?.map { $0["id"] as? String } == ["e-5"])
        #expect(second["next"] is NSNull)
    }

    @Test(arguments: [
        ("limit=abc", "limit"), ("limit=1000", "limit"), ("limit=0", "limit"), ("offset=-1", "offset"),
        ("from=yesterday", "from"), ("to=2026-02-30", "to"), ("sort=title", "sort"), ("limt=5", "limt"),
        ("limit=5&limit=6", "limit"), ("from=2026-06-01&to=2026-05-01", "from"), ("source=%ZZ", "source"),
    ])
    func badParameterIs400NamingIt(_ query: String, _ parameter: String) {
        let response = APIFixtures.get("/v1/articles?\(query)", on: responder)
        #expect(response.status == .badRequest)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let problem = APIFixtures.json(response)
        #expect(problem["parameter"] as? String == parameter)
        #expect(problem["status"] as? Int == 400)
        #expect((problem["detail"] as? String)?.hasPrefix("\(parameter):") == true)
    }

    @Test func articleRecordHasEveryFieldInFixedOrder() throws {
        let response = APIFixtures.get("/v1/articles/a-1", on: responder)
        #expect(response.status == .ok)
        #expect(response.headers["ETag"]?.hasPrefix("\"") == true)
        let text = String(decoding: response.body, as: UTF8.self)
        let keys = [
            "id", "title", "date", "source", "category", "url", "author", "wordCount", "paragraphs", "body", "metadata",
        ]
        let positions = keys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(text.contains(#""title":"Chip launch \"Nova\" \u003cdelayed> & rescheduled""#))
        let record = APIFixtures.json(response)
        #expect(record["date"] as? String == "2026-03-10T00:00:00Z")
        #expect((record["metadata"] as? [String: Any])?["lang"] as? String == "en")
        #expect((record["paragraphs"] as? [String])?.count == 2)
    }

    @Test func unknownArticleIs404Problem() {
        let response = APIFixtures.get("/v1/articles/nope", on: responder)
        #expect(response.status == .notFound)
        #expect(APIFixtures.json(response)["detail"] as? String == "No article has the id \"nope\".")
    }

    @Test func revalidationWithTheCorpusVersionIs304() {
        let etag = APIFixtures.get("/v1/articles/a-1", on: responder).headers["ETag"] ?? ""
        let response = APIFixtures.get("/v1/articles/a-1", on: responder, headers: [("If-None-Match", etag)])
        #expect(response.status == .notModified)
        #expect(response.body.isEmpty)
    }

    @Test func whileLoadingCorpusRoutesAre503AndReadyIsNot200() {
        let loading = APIFixtures.service(loaded: false).1
        #expect(APIFixtures.get("/health", on: loading).status == .ok)
        let ready = APIFixtures.get("/ready", on: loading)
        #expect(ready.status == .serviceUnavailable)
        #expect(ready.headers["Retry-After"] == "1")
        #expect(APIFixtures.get("/v1/articles", on: loading).status == .serviceUnavailable)
        #expect(APIFixtures.get("/ready", on: responder).status == .ok)
    }

    @Test func statsCarryVersionAndLoadReport() {
        let stats = APIFixtures.json(APIFixtures.get("/v1/stats", on: responder))
        #expect((stats["version"] as? String)?.count == 16)
        #expect(stats["articles"] as? Int == 5)
        #expect((stats["load"] as? [String: Any])?["filesRead"] as? Int == 1)
    }
}
