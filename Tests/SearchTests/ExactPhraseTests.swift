import Testing

@testable import Search

/// Quoted phrases match words as typed (folded, not stemmed, stop words included); unquoted words
/// keep stemming. Every case goes through `SearchIndex.search`, as the API calls it.
@Suite struct ExactPhraseTests {
    static let strikes: [TestCorpus.Article] = [
        .init(title: "Workers striking again", body: "The union is striking over pay."),
        .init(title: "Strike called", body: "A strike is planned; two strikes last year."),
        .init(title: "Lightning", body: "A striking view of the storm."),
    ]

    @Test func aQuotedWordMatchesOnlyThatForm() throws {
        let index = try TestCorpus.index(Self.strikes)
        #expect(try Set(index.docs("striking")) == [0, 1, 2])
        #expect(try Set(index.docs("\"striking\"")) == [0, 2])
        #expect(try index.docs("\"strike\"") == [1])
        #expect(try index.docs("\"strikes\"") == [1])
        #expect(try index.docs("\"struck\"").isEmpty)
        // Within one field, the other field's forms are passed over in step with its positions.
        #expect(try index.docs("title:\"striking\"") == [0])
        #expect(try Set(index.docs("body:\"striking\"")) == [0, 2])
        #expect(try index.docs("body:\"strike\"") == [1])
        #expect(try index.docs("title:\"strikes\"").isEmpty)
        #expect(try index.docs("\"the union is striking\"") == [0])
    }

    @Test func aQuotedPhraseMatchesItsWordsAsTyped() throws {
        let index = try TestCorpus.index(Self.strikes)
        #expect(try index.docs("\"union is striking\"") == [0])
        #expect(try index.docs("\"union is strike\"").isEmpty)
        #expect(try index.docs("\"two strikes\"") == [1])
        #expect(try index.docs("\"two strike\"").isEmpty)
    }

    @Test func stopWordsInAPhraseMustBeThere() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "The Bank of England raised rates"),
            .init(title: "", body: "a bank in England and a bank for England"),
            .init(title: "", body: "England bank rates"),
        ])
        #expect(try index.docs("\"Bank of England\"") == [0])
        #expect(try index.docs("\"bank in england\"") == [1])
        #expect(try Set(index.docs("bank england")) == [0, 1, 2])
        // Leading and trailing stop words count too, and a phrase of stop words alone is a phrase.
        #expect(try index.docs("\"the bank\"") == [0])
        #expect(try index.docs("\"bank for\"") == [1])
        #expect(try index.docs("\"in england and\"") == [1])
        #expect(try index.docs("\"of the\"").isEmpty)
        #expect(try index.docs("\"bank of\"") == [0])
    }

    @Test func stopWordsStayOutOfRankingLengthsAndPrefixes() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "the theatre"),
            .init(title: "", body: "theatre"),
        ])
        // Stop words are not counted in field lengths: both bodies have one word, so equal scores.
        let hits = try index.search(SearchRequest(query: "theatre")).hits
        #expect(hits.count == 2 && hits[0].score == hits[1].score)
        // `the*` reaches "theatre", never the indexed stop word.
        #expect(try Set(index.docs("the*")) == [0, 1])
        #expect(try index.docs("the").isEmpty)
        // Stop words are no terms: "theatre" is the only one.
        #expect(index.termCount == 1)
    }

    @Test func caseAndDiacriticsAreFolded() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "Lunch at the CAFÉ in Zürich"),
            .init(title: "", body: "Two cafes in Zurich"),
        ])
        #expect(try index.docs("\"cafe in zurich\"") == [0])
        #expect(try index.docs("\"Café in ZÜRICH\"") == [0])
        #expect(try index.docs("\"cafés in zurich\"") == [1])
        #expect(try index.docs("\"cafes in zürich\"") == [1])
    }

    @Test func hyphenatedAndPossessiveFormsFoldLikeTheTokenizer() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "Japan's navy patrols the Indo-Pacific region"),
            .init(title: "", body: "the Japanese navies and the indo pacific regions"),
        ])
        // The possessive 's is dropped on both sides; the other inflections are not matched.
        #expect(try index.docs("\"japan navy\"") == [0])
        #expect(try index.docs("\"Japan’s navy\"") == [0])
        #expect(try index.docs("\"japan navies\"").isEmpty)
        // A hyphenated word matches through its parts, spelled either way, each part exact.
        #expect(try Set(index.docs("\"Indo-Pacific region\"")) == [0])
        #expect(try Set(index.docs("\"indo pacific regions\"")) == [1])
        #expect(try Set(index.docs("\"indo-pacific\"")) == [0, 1])
    }

    @Test func aPhraseStaysInsideOneFieldAndFieldPhrasesToo() throws {
        let index = try TestCorpus.index([
            .init(title: "Rates rising", body: "Banks raise rates"),
            .init(title: "Banks raise", body: "rates rising"),
        ])
        // The title's last word and the body's first are not adjacent.
        #expect(try index.docs("\"rising banks\"").isEmpty)
        #expect(try index.docs("\"raise rates\"") == [0])
        #expect(try index.docs("title:\"rates rising\"") == [0])
        #expect(try index.docs("body:\"rates rising\"") == [1])
        #expect(try index.docs("title:\"rate rise\"").isEmpty)
        #expect(try index.docs("body:\"banks raise\"") == [0])
    }

    @Test func totalsFacetsAndPagingCountExactMatchesOnly() throws {
        var articles: [TestCorpus.Article] = []
        for index in 0..<30 {
            let body = index % 3 == 0 ? "the miners were striking today" : "the miners strike today"
            articles.append(.init(title: "", body: body, source: index % 2 == 0 ? "bbc" : "ap"))
        }
        let index = try TestCorpus.index(articles)
        var request = SearchRequest(query: "\"miners were striking\"")
        request.limit = 4
        request.facets = ["source"]
        request.collapseDuplicates = false
        let first = try index.search(request)
        #expect(first.total == 10)
        #expect(first.hits.allSatisfy { $0.doc % 3 == 0 })
        #expect(first.facets.first { $0.field == "source" }?.values.reduce(0) { $0 + $1.count } == 10)
        var docs = Set(first.hits.map(\.doc))
        var page = first
        while let cursor = page.nextCursor {
            request.cursor = cursor
            page = try index.search(request)
            docs.formUnion(page.hits.map(\.doc))
        }
        #expect(docs == Set(stride(from: 0, to: 30, by: 3)))
        request.query = "miners striking"
        request.cursor = nil
        #expect(try index.search(request).total == 30)
    }

    @Test func highlightingMarksOnlyTheTypedForms() throws {
        let index = try TestCorpus.index([
            .init(title: "", body: "The strike began; workers striking said the strikes would go on. Striking news.")
        ])
        var request = SearchRequest(query: "\"striking\"")
        request.snippets = SnippetOptions(count: 1, length: 200)
        let snippet = try #require(try index.search(request).hits.first?.snippets.first)
        let bytes = Array(snippet.text.utf8)
        #expect(snippet.marks.map { String(decoding: bytes[$0], as: UTF8.self) } == ["striking", "Striking"])
        // Unquoted, every form of the stem is marked; quoted and unquoted together, the unquoted wins.
        for query in ["striking", "\"striking\" strike"] {
            request.query = query
            let all = try #require(try index.search(request).hits.first?.snippets.first)
            #expect(all.marks.count == 4)
        }
    }

    @Test func unknownFormsAndPunctuation() throws {
        let index = try TestCorpus.index(Self.strikes)
        #expect(try index.docs("\"strikingly\"").isEmpty)
        #expect(try index.docs("\"zebra striking\"").isEmpty)
        // Only punctuation in quotes constrains nothing.
        #expect(try Set(index.docs("\"...\" lightning")) == [2])
    }

    /// Across many documents and segments (the builder cuts slices per core), forms are numbered per
    /// segment and merged: every document must still be found by its own spelling only.
    @Test func formsSurviveTheSegmentMerge() throws {
        let forms = ["strike", "strikes", "striking", "striked"]
        var articles: [TestCorpus.Article] = []
        for index in 0..<2000 {
            // Later documents meet the forms in another order, so segments number them differently.
            let form = forms[(index / 500 + index) % forms.count]
            articles.append(.init(title: "", body: "filler \(form) words \(forms[(index + 1) % forms.count])"))
        }
        let index = try TestCorpus.index(articles)
        for form in forms {
            let expected = Set(articles.indices.filter { articles[$0].body.contains("filler \(form) ") })
            #expect(try Set(index.docs("\"filler \(form)\"") { $0.collapseDuplicates = false }) == expected)
        }
    }

    /// Ordinals are packed per term in 1, 2, 4, 8, 16 or 32 bits by its form count: each width
    /// reads back what was packed, from a stream that does not start at byte 0.
    @Test func packedOrdinalsReadBackAtEveryWidth() {
        #expect(
            [2, 3, 4, 5, 16, 17, 256, 257, 65_536, 65_537].map { ExactForms.ordinalWidth(formCount: $0) } == [
                1, 2, 2, 4, 4, 8, 8, 16, 16, 32,
            ])
        var random = SnippetEquivalenceTests.Generator(state: 5)
        for width in [1, 2, 4, 8, 16, 32] {
            let ordinals = (0..<301).map { _ in
                UInt32(truncatingIfNeeded: random.next(Int(UInt32.max))) & UInt32(truncatingIfNeeded: (1 << width) - 1)
            }
            var stream: [UInt8] = [0xff, 0xff, 0xff]
            ExactForms.pack(ordinals, width: width, to: &stream)
            #expect(stream.count == 3 + (301 * width + 7) / 8)
            let read = stream.withUnsafeBufferPointer { stream in
                ordinals.indices.map { ExactForms.ordinal(at: $0, in: stream, start: 3, width: width) }
            }
            #expect(read == ordinals, "width \(width)")
        }
    }

    /// Terms of two forms (1-bit ordinals), three and four (2 bits) and more (4 bits), met in
    /// different orders by the segments: every quoted form finds exactly the documents that have it.
    @Test func everyFormOfManyFormedTermsIsFound() throws {
        let families = [
            ["connect", "connected", "connecting", "connection", "connections", "connects"],
            ["rate", "rates"], ["trade", "trades", "trading"], ["market", "markets", "marketing", "marketed"],
        ]
        var articles: [TestCorpus.Article] = []
        for index in 0..<1000 {
            let words = families.enumerated().map { family, forms in
                forms[(index / (200 + family) + index) % forms.count]
            }
            articles.append(.init(title: "", body: "filler " + words.joined(separator: " filler ")))
        }
        let index = try TestCorpus.index(articles)
        for forms in families {
            #expect(Set(forms.map { index.analyzer.tokens($0).first?.term }).count == 1, "\(forms)")
            for form in forms {
                let expected = Set(
                    articles.indices.filter {
                        articles[$0].body.contains("filler \(form) ") || articles[$0].body.hasSuffix("filler \(form)")
                    })
                #expect(
                    try Set(
                        index.docs("\"filler \(form)\"") {
                            $0.collapseDuplicates = false
                            $0.limit = 1000
                        }) == expected, "\(form)")
            }
        }
    }

    /// Against the plain definition on generated bodies full of folding, inflection, stop words,
    /// compounds and abbreviations (`SnippetEquivalenceTests.corpus`): a document matches a quoted
    /// phrase when one field has the phrase's unstemmed single-position tokens at consecutive
    /// positions (`Analyzer.exact`, which keeps stop words and folds as the index does).
    @Test(arguments: [1, 2, 3])
    func sameDocumentsAsMatchingUnstemmedTokens(seed: UInt64) throws {
        let articles = SnippetEquivalenceTests.corpus(count: 120, seed: seed)
        let index = try TestCorpus.index(articles)
        func tokens(_ text: String) -> [Int: String] {
            var byPosition: [Int: String] = [:]
            for token in Analyzer.exact.tokens(text) where token.span == 1 { byPosition[token.position] = token.term }
            return byPosition
        }
        let fields = articles.map { [tokens($0.title), tokens($0.body)] }
        var random = SnippetEquivalenceTests.Generator(state: seed &+ 7)
        let words = SnippetEquivalenceTests.words.filter { word in
            word.unicodeScalars.allSatisfy { !"\"()-:*~«»$€#@/".unicodeScalars.contains($0) }
        }
        var compared = 0
        for _ in 0..<80 {
            let start = random.next(articles.count)
            let body = Analyzer.exact.tokens(articles[start].body).filter { $0.span == 1 }
            // Half the phrases are cut from a body (so they match somewhere), half are random words.
            let phrase: [String]
            if random.next(2) == 0, body.count > 1 {
                let first = random.next(body.count - 1)
                let length = 1 + random.next(min(3, body.count - first))
                phrase = body[first..<(first + length)].map(\.term)
            } else {
                phrase = (0..<(1 + random.next(3))).map { _ in words[random.next(words.count)] }
            }
            let wanted = Analyzer.exact.tokens(phrase.joined(separator: " ")).filter { $0.span == 1 }
            guard let first = wanted.first else { continue }
            let expected = Set(
                fields.indices.filter { doc in
                    fields[doc].contains { field in
                        field.keys.contains { anchor in
                            wanted.allSatisfy { field[anchor + $0.position - first.position] == $0.term }
                        }
                    }
                })
            let query = "\"" + phrase.joined(separator: " ") + "\""
            let found = try index.docs(query) {
                $0.collapseDuplicates = false
                $0.typoTolerance = false
            }
            #expect(Set(found) == expected, "\(query)")
            compared += expected.count
        }
        #expect(compared > 40, "too few matches compared: \(compared)")
    }
}
