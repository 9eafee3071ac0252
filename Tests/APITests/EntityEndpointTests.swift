import Foundation
import HTTP
import Server
import Testing

@testable import API

/// Entity endpoints over the bundled sample corpus, whose people and places we wrote ourselves.
@Suite struct EntityEndpointTests {
    static let responder: any HTTPResponder = {
        let service = NewsdeskService(configuration: NewsdeskConfiguration())
        service.loadCorpus()
        return service.makeResponder()
    }()

    private func get(_ target: String) -> (HTTPResponse, [String: Any]) {
        let response = APIFixtures.get(target, on: Self.responder)
        return (response, APIFixtures.json(response))
    }

    @Test func listsPeopleByArticleCountAndFindsByPrefix() throws {
        let (_, body) = get("/v1/entities?type=person&limit=5")
        let items = try #require(body["items"] as? [[String: Any]])
        let counts = items.compactMap { $0["articles"] as? Int }
        #expect(counts == counts.sorted(by: >))
        #expect(items.allSatisfy { $0["type"] as? String == "person" })
        let (_, found) = get("/v1/entities?q=halv")
        #expect((found["items"] as? [[String: Any]])?.first?["id"] as? String == "person/ingrid-halvorsen")
    }

    @Test func entityDetailArticlesAndTimelineAgree() throws {
        let (detailResponse, detail) = get("/v1/entities/person/ingrid-halvorsen")
        #expect(detailResponse.status == .ok)
        #expect(detail["name"] as? String == "Ingrid Halvorsen")
        let articleCount = try #require(detail["articles"] as? Int)
        let (_, articles) = get("/v1/entities/person/ingrid-halvorsen/articles?limit=100&sort=-date")
        let items = try #require(articles["items"] as? [[String: Any]])
        #expect(items.count == articleCount)
        for item in items {
            let mention = try #require(item["firstMention"] as? [String: Any])
            let sentence = try #require(mention["sentence"] as? String)
            let start = try #require(mention["start"] as? Int)
            let end = try #require(mention["end"] as? Int)
            let utf16 = Array(sentence.utf16)
            #expect(String(decoding: utf16[start..<end], as: UTF16.self).contains("Halvorsen"))
        }
        let dates = items.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(by: >))
        let (_, timeline) = get("/v1/entities/person/ingrid-halvorsen/timeline?interval=month")
        let points = try #require(timeline["items"] as? [[String: Any]])
        #expect(points.compactMap { $0["articles"] as? Int }.reduce(0, +) == dates.count)
        // With the undated articles the timeline adds up to the entity's own counts.
        let undated = try #require(timeline["undated"] as? [String: Int])
        let (_, entity) = get("/v1/entities/person/ingrid-halvorsen")
        #expect(dates.count + (undated["articles"] ?? -1) == entity["articles"] as? Int)
        let dated = points.compactMap { $0["mentions"] as? Int }.reduce(0, +)
        #expect(dated + (undated["mentions"] ?? -1) == entity["mentions"] as? Int)
    }

    @Test func articleRecordListsItsEntitiesWithUTF16Offsets() throws {
        let (_, record) = get("/v1/articles/nw-election-result")
        let body = try #require(record["body"] as? String)
        let entities = try #require(record["entities"] as? [[String: Any]])
        #expect(!entities.isEmpty)
        let utf16 = Array(body.utf16)
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let start = try #require(mention["start"] as? Int)
                let end = try #require(mention["end"] as? Int)
                #expect(String(decoding: utf16[start..<end], as: UTF16.self) == mention["text"] as? String)
            }
        }
    }

    @Test func searchFiltersByEntityAndOffersEntityFacets() throws {
        let (_, all) = get("/v1/search?q=election&facets=entity.person")
        let (_, filtered) = get("/v1/search?q=election&entity=person/ingrid-halvorsen")
        let total = try #require(all["total"] as? Int)
        let narrowed = try #require(filtered["total"] as? Int)
        #expect(narrowed > 0 && narrowed <= total)
        let facet = try #require((all["facets"] as? [String: [[String: Any]]])?["entity.person"])
        let halvorsen = facet.first { $0["value"] as? String == "person/ingrid-halvorsen" }
        #expect(halvorsen?["count"] as? Int == narrowed)
        #expect(halvorsen?["name"] as? String == "Ingrid Halvorsen")
        let (_, byName) = get("/v1/search?q=election+entity:%22Ingrid+Halvorsen%22")
        #expect(byName["total"] as? Int == narrowed)
    }

    @Test(arguments: [
        ("/v1/entities/person/nobody", 404), ("/v1/entities?type=planet", 400), ("/v1/entities?sort=size", 400),
        ("/v1/entities/person/ingrid-halvorsen/timeline?interval=year", 400),
        ("/v1/entities/person/ingrid-halvorsen/articles?sort=random", 400),
    ])
    func badEntityRequests(_ target: String, _ status: Int) {
        #expect(get(target).0.status.code == status)
    }
}
