import Testing

@testable import Search

@Suite struct SnippetTests {
    func snippets(_ body: String, _ query: String, options: SnippetOptions = SnippetOptions()) throws -> [Snippet] {
        let index = try TestCorpus.index([.init(title: "", body: body)])
        var request = SearchRequest(query: query)
        request.snippets = options
        return try #require(try index.search(request).hits.first).snippets
    }

    /// A mark's range must slice the snippet text at exactly the matched word.
    func marked(_ snippet: Snippet) -> [String] {
        let bytes = Array(snippet.text.utf8)
        return snippet.marks.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func marksAreUTF8RangesOnMultiByteText() throws {
        let body = "Le café de Zürich a servi 1 000 cafés à Ελλάδα et 東京 ce matin"
        let result = try snippets(body, "café")
        #expect(result.count == 1)
        #expect(marked(result[0]) == ["café", "cafés"])
        #expect(result[0].html.contains("<mark>café</mark>"))
        #expect(result[0].html.contains("Ελλάδα"))
    }

    /// Snippets stem only words that open like a query term; the forms whose stem changes its second
    /// letter ("dying" -> "die") and inflections of several lengths must still be marked.
    @Test func marksEveryInflectionOfTheQueryTerm() throws {
        let result = try snippets("He was dying; she died, he dies, we die. Lying is a lie.", "die")
        #expect(marked(result[0]) == ["dying", "died", "dies", "die"])
        let lies = try snippets("Lying is a lie, and they lied.", "lie")
        #expect(marked(lies[0]) == ["Lying", "lie", "lied"])
    }

    @Test func htmlEscapesEverythingButTheMarks() throws {
        let result = try snippets("Tom & Jerry <b>said</b> \"hello\" it's fine", "jerry")
        #expect(
            result[0].html == "Tom &amp; <mark>Jerry</mark> &lt;b&gt;said&lt;/b&gt; &quot;hello&quot; it&#39;s fine")
        #expect(!result[0].startsMidText && !result[0].endsMidText)
    }

    @Test func severalPassagesBestFirstCutOnWordBoundaries() throws {
        let filler = Array(repeating: "lorem ipsum dolor sit amet", count: 12).joined(separator: " ")
        let body =
            "Uranium mentioned here. \(filler) Sanctions and uranium and enrichment together here. \(filler) "
            + "Enrichment alone at the end."
        let result = try snippets(body, "uranium enrichment", options: SnippetOptions(count: 3, length: 80))
        #expect(result.count == 3)
        // The passage holding both terms comes first.
        #expect(Set(marked(result[0]).map { $0.lowercased() }) == ["uranium", "enrichment"])
        for snippet in result {
            #expect(snippet.text.utf8.count <= 80)
            let words = body.split(separator: " ").map(String.init)
            // Starts and ends on a word boundary of the original text.
            #expect(body.contains(snippet.text))
            #expect(words.contains { $0.hasPrefix(snippet.text.split(separator: " ").first.map(String.init) ?? "") })
        }
        #expect(result[0].startsMidText && result[0].html.hasPrefix("…"))
    }

    @Test func aTitleOnlyMatchGivesTheOpeningOfTheBody() throws {
        let index = try TestCorpus.index([.init(title: "Storm", body: "Heavy rain fell across the north today.")])
        let hit = try #require(try index.search(SearchRequest(query: "storm")).hits.first)
        #expect(hit.snippets.count == 1)
        #expect(hit.snippets[0].marks.isEmpty)
        #expect(hit.snippets[0].text.hasPrefix("Heavy rain"))
    }
}
