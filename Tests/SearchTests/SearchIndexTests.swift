import Foundation
import Testing

@testable import Search

@Suite struct SearchIndexTests {
    /// Title weight 2, body weight 1, k1 = 1.2, b = 0.75, N = 4.
    static let fruit: [TestCorpus.Article] = [
        .init(title: "apple", body: "banana cherry", source: "bbc", category: "food", date: 30),
        .init(title: "fruit", body: "apple apple banana", source: "reuters", category: "food", date: 10),
        .init(title: "fruit", body: "apple banana cherry date", source: "bbc", category: "farming", date: 20),
        .init(title: "", body: "cherry date", source: "ap", category: "food"),
    ]

    @Test func rankingMatchesBM25FWorkedByHand() throws {
        let index = try TestCorpus.index(Self.fruit)
        let results = try index.search(SearchRequest(query: "apple"))
        // Title lengths 1, 1, 1, 0: average 0.75. Body lengths 2, 3, 4, 2: average 2.75.
        // "apple": df 3, idf = ln(1 + (4 - 3 + 0.5) / (3 + 0.5)) = ln(1.428571) = 0.356675.
        // doc 0, title tf 1: B = 0.25 + 0.75 * 1 / 0.75 = 1.25; tf' = 2 * 1 / 1.25 = 1.6;
        //   score = 0.356675 * 1.6 / (1.6 + 1.2) = 0.203814
        // doc 1, body tf 2: B = 0.25 + 0.75 * 3 / 2.75 = 1.068182; tf' = 2 / 1.068182 = 1.872340;
        //   score = 0.356675 * 1.872340 / 3.072340 = 0.217364
        // doc 2, body tf 1: B = 0.25 + 0.75 * 4 / 2.75 = 1.340909; tf' = 0.745763;
        //   score = 0.356675 * 0.745763 / 1.945763 = 0.136705
        // So doc 1 (two body mentions) beats doc 0 (one title mention), then doc 2.
        #expect(results.hits.map(\.doc) == [1, 0, 2])
        #expect(results.total == 3)
        let expected: [Float] = [0.217364, 0.203814, 0.136705]
        for (hit, score) in zip(results.hits, expected) { #expect(abs(hit.score - score) < 1e-5) }
    }

    @Test func equalScoresAreOrderedByDocument() throws {
        let index = try TestCorpus.index(Self.fruit)
        // "cherry" in docs 0 and 3 with body tf 1 and body length 2: identical scores; doc 2 is longer.
        #expect(try index.docs("cherry") == [0, 3, 2])
    }

    @Test func bm25ParametersAreConfigurable() throws {
        var builder = IndexBuilder(schema: TestCorpus.schema, parameters: BM25Parameters(k1: 1.2, b: 0))
        for article in Self.fruit {
            try builder.add(SearchDocument(text: [article.title, article.body], keywords: [[], [], []]))
        }
        // With b = 0 lengths stop mattering: "cherry" in docs 0, 2, 3 all score the same, so doc order.
        #expect(try builder.build().docs("cherry") == [0, 2, 3])
    }

    @Test func operators() throws {
        let index = try TestCorpus.index(Self.fruit)
        #expect(try Set(index.docs("banana cherry")) == [0, 2])
        #expect(try Set(index.docs("banana AND cherry")) == [0, 2])
        #expect(try Set(index.docs("apple OR date")) == [0, 1, 2, 3])
        #expect(try Set(index.docs("cherry -apple")) == [3])
        #expect(try Set(index.docs("cherry NOT apple")) == [3])
        #expect(try Set(index.docs("-banana")) == [3])
        #expect(try Set(index.docs("(apple OR date) -fruit")) == [0, 3])
        #expect(try Set(index.docs("banana cherry", configure: { $0.match = .any })) == [0, 1, 2, 3])
        #expect(try index.docs("nothing-here").isEmpty)
    }

    @Test func matchAnyRanksDocumentsWithMoreTermsFirst() throws {
        let index = try TestCorpus.index(Self.fruit)
        let docs = try index.docs("apple cherry date", configure: { $0.match = .any })
        #expect(docs.first == 2)
        #expect(Set(docs) == [0, 1, 2, 3])
    }

    @Test func phrasesNeedAdjacentPositions() throws {
        let index = try TestCorpus.index(Self.fruit)
        #expect(try Set(index.docs("\"banana cherry\"")) == [0, 2])
        #expect(try index.docs("\"cherry banana\"").isEmpty)
        #expect(try Set(index.docs("\"cherry date\"")) == [2, 3])
        #expect(try index.docs("\"apple banana cherry\"") == [2])
        // Positions are per field: the title "apple" and the body's "banana" are not adjacent.
        #expect(try index.docs("\"apple banana\"") == [1, 2])
    }

    @Test func phrasesKeepStopWordGaps() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "the bank of england raised rates"),
            .init(title: "", body: "england bank rates"),
        ])
        #expect(try index.docs("\"bank of england\"") == [0])
    }

    @Test func fieldTermsRestrictToTheirField() throws {
        let index = try TestCorpus.index(Self.fruit)
        #expect(try index.docs("title:apple") == [0])
        #expect(try Set(index.docs("title:fruit")) == [1, 2])
        #expect(try Set(index.docs("source:bbc")) == [0, 2])
        #expect(try Set(index.docs("source:BBC cherry")) == [0, 2])
        #expect(try index.docs("category:\"farming\"") == [2])
        #expect(try index.docs("title:\"fruit\" cherry") == [2])
    }

    @Test func prefixQueriesExpandOverTheVocabulary() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "missiles were fired"),
            .init(title: "", body: "a mission to mars"),
            .init(title: "", body: "nothing relevant"),
        ])
        #expect(try Set(index.docs("missi*")) == [0, 1])
        #expect(try index.docs("missil*") == [0])
        #expect(try index.docs("zz*").isEmpty)
    }

    @Test func explicitTypoToleranceFindsNearSpellings() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "the missile launch"),
            .init(title: "", body: "a missle typo in the text"),
            .init(title: "", body: "unrelated words"),
        ])
        let results = try index.search(SearchRequest(query: "missile~1"))
        #expect(Set(results.hits.map(\.doc)) == [0, 1])
        // The exact spelling ranks above its typo.
        #expect(results.hits.first?.doc == 0)
        #expect(!results.typoToleranceApplied)
        #expect(try index.docs("missile").count == 1)
    }

    @Test func automaticTypoToleranceOnlyWhenNothingMatches() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "parliament voted today"),
            .init(title: "", body: "the parlament building"),
        ])
        let exact = try index.search(SearchRequest(query: "parliament"))
        #expect(exact.hits.map(\.doc) == [0])
        #expect(!exact.typoToleranceApplied)
        let typo = try index.search(SearchRequest(query: "parliamant"))
        #expect(Set(typo.hits.map(\.doc)) == [0, 1])
        #expect(typo.typoToleranceApplied)
        var off = SearchRequest(query: "parliamant")
        off.typoTolerance = false
        #expect(try index.search(off).total == 0)
        // Words under five letters are never corrected automatically.
        #expect(try index.search(SearchRequest(query: "todax")).total == 1)
        #expect(try index.search(SearchRequest(query: "tdy")).total == 0)
    }

    @Test func sortByDateEitherWayWithUndatedLast() throws {
        let index = try TestCorpus.index(Self.fruit)
        #expect(try index.docs("cherry OR apple", configure: { $0.sort = .date }) == [1, 2, 0, 3])
        #expect(try index.docs("cherry OR apple", configure: { $0.sort = .dateDescending }) == [0, 2, 1, 3])
    }

    @Test func dateRangeIsInclusive() throws {
        let index = try TestCorpus.index(Self.fruit)
        #expect(
            try Set(
                index.docs(
                    "cherry OR apple",
                    configure: {
                        $0.from = 10; $0.to = 20
                    })) == [1, 2])
        #expect(try Set(index.docs("cherry OR apple", configure: { $0.from = 21 })) == [0])
    }

    @Test func matchedTermsListTheQueryTermsEachHitHas() throws {
        let index = try TestCorpus.index(Self.fruit)
        var request = SearchRequest(query: "cherry OR apple")
        request.snippets = nil
        let hits = try index.search(request).hits
        let byDoc = Dictionary(uniqueKeysWithValues: hits.map { ($0.doc, $0.matchedTerms) })
        #expect(byDoc[0] == ["cherry", "apple"])
        #expect(byDoc[1] == ["apple"])
        #expect(byDoc[3] == ["cherry"])
    }

    @Test func badRequestsGetTypedErrors() throws {
        let index = try TestCorpus.index(Self.fruit)
        #expect(throws: SearchIndexError.query(QueryParseError(position: 6, expected: .closingQuote))) {
            try index.search(SearchRequest(query: "\"apple"))
        }
        var request = SearchRequest(query: "apple")
        request.limit = -1
        #expect(throws: SearchIndexError.invalidLimit(-1)) { try index.search(request) }
        request = SearchRequest(query: "apple")
        request.filters = ["colour": ["red"]]
        #expect(throws: SearchIndexError.unknownField("colour")) { try index.search(request) }
        request = SearchRequest(query: "apple")
        request.facets = ["colour"]
        #expect(throws: SearchIndexError.unknownField("colour")) { try index.search(request) }
        request = SearchRequest(query: "apple")
        request.cursor = "not a cursor"
        #expect(throws: SearchIndexError.invalidCursor) { try index.search(request) }
        var builder = IndexBuilder(schema: TestCorpus.schema)
        #expect(throws: SearchIndexError.self) { try builder.add(SearchDocument(text: ["only one"])) }
    }
}
