import Foundation
import HTTP
import Testing

@testable import API

@Suite struct SearchEndpointTests {
    let responder = APIFixtures.service().1

    private func get(_ target: String) -> (HTTPResponse, [String: Any]) {
        let response = APIFixtures.get(target, on: responder)
        return (response, APIFixtures.json(response))
    }

    private func ids(_ body: [String: Any]) -> [String] {
        (body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func findsByStemAndRanksTitleMatchesFirst() {
        let (response, body) = get("/v1/search?q=chips")
        #expect(response.status == .ok)
        #expect(Set(ids(body)) == ["a-1", "d-4"])
        #expect(body["total"] as? Int == 2)
        #expect(response.headers["Server-Timing"]?.hasPrefix("search;dur=") == true)
    }

    /// The Server-Timing duration is written by hand; it must read as `%.3f` milliseconds did.
    @Test(arguments: [
        (Duration.microseconds(1234), "1.234"), (.nanoseconds(999_600), "1.000"), (.nanoseconds(412_499), "0.412"),
        (.seconds(2), "2000.000"), (.zero, "0.000"), (.nanoseconds(5_600), "0.006"),
    ])
    func serverTimingMilliseconds(duration: Duration, text: String) {
        #expect(NewsdeskService.milliseconds(duration) == text)
        let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
        #expect(String(format: "%.3f", milliseconds) == text)
    }

    @Test func snippetsCarryHTMLMarksAndUTF16Highlights() throws {
        let (_, body) = get("/v1/search?q=quote")
        let hit = try #require((body["items"] as? [[String: Any]])?.first)
        let snippet = try #require((hit["snippets"] as? [[String: Any]])?.first)
        let text = try #require(snippet["text"] as? String)
        let highlight = try #require((snippet["highlights"] as? [[Int]])?.first)
        // The snippet holds "ünïcode" before the mark: UTF-16 offsets must still land on "quote".
        let utf16 = Array(text.utf16)
        #expect(String(decoding: utf16[highlight[0]..<highlight[1]], as: UTF16.self).lowercased() == "quote")
        #expect((snippet["html"] as? String)?.contains("<mark>quote</mark>") == true)
    }

    @Test func facetsAreDisjunctiveWithExactCounts() throws {
        let (_, body) = get("/v1/search?q=paragraph&source=Tech+Wire&facets=source,category")
        #expect(body["total"] as? Int == 3)
        let facets = try #require(body["facets"] as? [String: [[String: Any]]])
        let sources = Dictionary(
            uniqueKeysWithValues: (facets["source"] ?? []).map {
                ($0["value"] as? String ?? "", $0["count"] as? Int ?? 0)
            })
        #expect(sources == ["Tech Wire": 3, "Harbour Times": 2])
    }

    @Test func cursorPagingNeitherSkipsNorRepeats() throws {
        var seen: [String] = []
        var target: String? = "/v1/search?q=paragraph&limit=2&cursor="
        let (_, first) = get("/v1/search?q=paragraph&limit=2")
        let total = try #require(first["total"] as? Int)
        seen += ids(first)
        target = (first["cursor"] as? String).map { "/v1/search?q=paragraph&limit=2&cursor=\($0)" }
        while let next = target {
            let (_, page) = get(next)
            seen += ids(page)
            target = page["next"] as? String
        }
        #expect(seen.count == total)
        #expect(Set(seen).count == total)
    }

    @Test(arguments: [
        ("q=%22open", "q", "closing quote"), ("q=", "q", "required"), ("q=a&match=some", "match", "\"all\""),
        ("q=a&facets=author", "facets", "unknown facet"), ("q=a&highlight=maybe", "highlight", "true or false"),
        ("q=a&entity=Pete", "entity", "entity id"), ("q=a&cursor=zzz", "cursor", "cursor"),
        ("q=a&cursor=x&offset=20", "cursor", "offset"), ("q=a&limit=101", "limit", "100"),
        ("q=(a", "q", "position"), ("q=a&facets=source,", "facets", "unknown facet \"\""),
        ("q=a&facets=source,%20category", "facets", "unknown facet \" category\""),
        ("q=a&highlight=1", "highlight", "true or false"), ("q=a&collapse=0", "collapse", "true or false"),
        ("q=a&entity=", "entity", "entity id"), ("q=a&limit=%2B5", "limit", "integer"),
        ("q=\(String(repeating: "%C3%A9", count: 2049))", "q", "2048 characters"),
    ])
    func badSearchParameterIs400NamingIt(_ query: String, _ parameter: String, _ mention: String) {
        let (response, problem) = get("/v1/search?\(query)")
        #expect(response.status == .badRequest)
        #expect(problem["parameter"] as? String == parameter)
        #expect((problem["detail"] as? String)?.contains(mention) == true, "\(problem["detail"] ?? "")")
    }

    @Test func suggestOffersCorpusWords() {
        let (response, body) = get("/v1/suggest?q=para")
        #expect(response.status == .ok)
        let texts = (body["items"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts.contains("paragraph"))
        #expect(get("/v1/suggest").0.status == .badRequest)
    }

    /// The contract's lengths count characters (Unicode scalars), as JSON Schema's `maxLength` does.
    @Test func queryLengthIsCountedInCharacters() {
        #expect(get("/v1/search?q=\(String(repeating: "%C3%A9", count: 2048))").0.status == .ok)
        #expect(get("/v1/suggest?q=\(String(repeating: "%C3%A9", count: 100))").0.status == .ok)
        #expect(get("/v1/suggest?q=\(String(repeating: "%C3%A9", count: 101))").0.status == .badRequest)
    }

    @Test func facetsListsExactNamesOrNothing() {
        let (response, body) = get("/v1/search?q=paragraph&facets=")
        #expect(response.status == .ok)
        #expect((body["facets"] as? [String: Any])?.isEmpty == true)
        let (_, some) = get("/v1/search?q=paragraph&facets=category,month")
        #expect((some["facets"] as? [String: Any]).map { Set($0.keys) } == ["category", "month"])
    }

    @Test func blankSuggestionPrefixCompletesNothing() {
        let (response, body) = get("/v1/suggest?q=%20%0C")
        #expect(response.status == .ok)
        #expect((body["items"] as? [Any])?.isEmpty == true)
    }

    @Test func relatedArticlesArePagedWithTotalAndNext() {
        let (_, all) = get("/v1/articles/a-1/related?limit=20")
        let total = all["total"] as? Int ?? -1
        #expect(total == ids(all).count)
        #expect(total >= 2)
        #expect(all["next"] is NSNull)
        let (_, first) = get("/v1/articles/a-1/related?limit=1")
        #expect(first["total"] as? Int == total)
        #expect(first["limit"] as? Int == 1)
        #expect(first["offset"] as? Int == 0)
        let next = first["next"] as? String
        #expect(next == "/v1/articles/a-1/related?limit=1&offset=1")
        let (_, second) = get(next ?? "")
        #expect(ids(first) + ids(second) == Array(ids(all).prefix(2)))
        #expect(get("/v1/articles/a-1/related?offset=101").0.status == .badRequest)
    }

    @Test func relatedArticlesExcludeTheArticleItself() {
        let (response, body) = get("/v1/articles/a-1/related?limit=3")
        #expect(response.status == .ok)
        #expect(!ids(body).contains("a-1"))
        #expect(get("/v1/articles/none/related").0.status == .notFound)
    }
}
