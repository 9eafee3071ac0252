import Testing

@testable import Search

@Suite struct FacetTests {
    /// Every "oil" document: sources a, a, b, b, c; categories x, y, x, y, y; one "gas" document.
    static let corpus: [TestCorpus.Article] = [
        .init(title: "", body: "oil price", source: "a", category: "x"),
        .init(title: "", body: "oil supply", source: "a", category: "y"),
        .init(title: "", body: "oil demand", source: "b", category: "x"),
        .init(title: "", body: "oil field", source: "b", category: "y"),
        .init(title: "", body: "oil well", source: "c", category: "y"),
        .init(title: "", body: "gas price", source: "a", category: "x"),
    ]

    func counts(_ results: SearchResults, _ field: String) -> [String: Int] {
        let facet = results.facets.first { $0.field == field }
        return Dictionary(uniqueKeysWithValues: (facet?.values ?? []).map { ($0.value, $0.count) })
    }

    @Test func countsAreExactOverAllMatches() throws {
        let index = try TestCorpus.index(Self.corpus)
        var request = SearchRequest(query: "oil")
        request.limit = 1
        request.facets = ["source", "category"]
        let results = try index.search(request)
        #expect(results.total == 5)
        #expect(counts(results, "source") == ["a": 2, "b": 2, "c": 1])
        #expect(counts(results, "category") == ["x": 2, "y": 3])
        #expect(results.facets.map(\.field) == ["source", "category"])
        // Count descending, then value ascending.
        #expect(results.facets[0].values.map(\.value) == ["a", "b", "c"])
    }

    @Test func aFacetsOwnFilterDoesNotShrinkItsCounts() throws {
        let index = try TestCorpus.index(Self.corpus)
        var request = SearchRequest(query: "oil")
        request.facets = ["source", "category"]
        request.filters = ["source": ["a"]]
        let results = try index.search(request)
        #expect(Set(results.hits.map(\.doc)) == [0, 1])
        #expect(results.total == 2)
        // Source counts ignore the source filter; category counts respect it.
        #expect(counts(results, "source") == ["a": 2, "b": 2, "c": 1])
        #expect(counts(results, "category") == ["x": 1, "y": 1])
    }

    @Test func valuesOfOneFieldOrAndFieldsAnd() throws {
        let index = try TestCorpus.index(Self.corpus)
        var request = SearchRequest(query: "oil")
        request.facets = ["source", "category"]
        request.filters = ["source": ["a", "C"], "category": ["y"]]
        let results = try index.search(request)
        #expect(Set(results.hits.map(\.doc)) == [1, 4])
        // Source counts: oil AND category y (docs 1, 3, 4). Category counts: oil AND source a|c (0, 1, 4).
        #expect(counts(results, "source") == ["a": 1, "b": 1, "c": 1])
        #expect(counts(results, "category") == ["x": 1, "y": 2])
    }

    @Test func facetLimitKeepsTheMostFrequent() throws {
        let index = try TestCorpus.index(Self.corpus)
        var request = SearchRequest(query: "oil OR gas")
        request.facets = ["source"]
        request.facetLimit = 1
        let results = try index.search(request)
        #expect(results.facets[0].values == [FacetCounts.Value(value: "a", count: 3)])
    }

    /// Single-valued fields are counted from one value per document, others from each document's
    /// list: both must skip documents without a value and agree with counting by hand.
    @Test func countsMatchCountingByHandForSingleMultiAndMissingValues() throws {
        var builder = IndexBuilder(schema: TestCorpus.schema)
        let sources: [[String]] = [["a"], [], ["b"], ["a"], [], ["c"]]
        let entities: [[String]] = [["p", "q"], ["q"], [], ["p", "q", "r"], ["r"], ["p", "p"]]
        for doc in 0..<6 {
            try builder.add(
                SearchDocument(
                    text: ["", doc == 4 ? "gas" : "oil"],
                    keywords: [sources[doc], [doc % 2 == 0 ? "x" : "y"], entities[doc]]))
        }
        let index = builder.build()
        var request = SearchRequest(query: "oil")
        request.facets = ["source", "entity", "category"]
        let results = try index.search(request)
        #expect(counts(results, "source") == ["a": 2, "b": 1, "c": 1])
        #expect(counts(results, "entity") == ["p": 3, "q": 3, "r": 1])
        #expect(counts(results, "category") == ["x": 2, "y": 3])
        // With a filter on the multi-valued field, its own counts stay disjunctive.
        request.filters = ["entity": ["r"]]
        let filtered = try index.search(request)
        #expect(filtered.total == 1)
        #expect(counts(filtered, "entity") == ["p": 3, "q": 3, "r": 1])
        #expect(counts(filtered, "source") == ["a": 1])
    }
}
