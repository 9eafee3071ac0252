import Testing

@testable import Search

/// A frequent word's facet counts are read from `TermFacetCounts` instead of being tallied in the
/// pass (`MatchCollector.presetTallies`). Held here to their plain definition (per value, the
/// documents holding the word that hold the value) and to the general path (`word OR word`), on a
/// random corpus where some words pass `minimumDocumentFrequency` and others do not.
@Suite struct TermFacetCountsTests {
    static let schema = SearchSchema(
        textFields: [.init("title", weight: 2), .init("body")], keywordFields: ["source", "category", "tag"])
    /// Per word, the share (in 1/100) of documents holding it: the first three pass the threshold
    /// (1,680, 1,320 and 1,200 of 2,400 documents expected), the others not.
    static let words = [("common", 70), ("frequent", 55), ("usual", 50), ("sparse", 20), ("rare", 2)]
    static let filler = ["report", "update", "shares", "growth", "vote", "season"]
    static let documentCount = 2400

    /// Per document: its title and body words and its keywords.
    static let documents: [SearchDocument] = {
        var random = SnippetEquivalenceTests.Generator(state: 17)
        return (0..<documentCount).map { doc in
            var title = [filler[random.next(filler.count)]]
            var body = (0..<(2 + random.next(12))).map { _ in filler[random.next(filler.count)] }
            for (word, share) in words where random.next(100) < share {
                // Some occurrences only in the title: those postings count too.
                if random.next(5) == 0 { title.append(word) } else { body.insert(word, at: random.next(body.count)) }
            }
            let source = random.next(9)
            return SearchDocument(
                text: [title.joined(separator: " "), body.joined(separator: " ")],
                keywords: [
                    source == 0 ? [] : ["s\(source)"], ["c\(random.next(4))"],
                    (0..<random.next(3)).map { _ in "t\(random.next(6))" },
                ],
                date: Int64(random.next(1_000)) * 3_600)
        }
    }()

    static let index: SearchIndex = {
        var builder = IndexBuilder(schema: schema)
        for (position, document) in documents.enumerated() {
            var document = document
            // Near-duplicates: every 100th document is republished right after it.
            if position % 100 == 1 { document.text = documents[position - 1].text }
            _ = try! builder.add(document)
        }
        return builder.build()
    }()

    /// The stored counts of every frequent term, against a count over the documents' keywords.
    @Test func countsAreTheDocumentsHoldingEachValue() throws {
        let index = Self.index
        let counts = index.termFacets
        let frequentTerms = index.postings.documentFrequencies.indices.filter {
            index.postings.documentFrequencies[$0] >= TermFacetCounts.minimumDocumentFrequency
        }
        #expect(counts.terms.map(Int.init) == frequentTerms)
        for word in Self.words.map(\.0) + Self.filler {
            let term = try #require(index.analyzer.tokens(word).first.flatMap { index.dictionary.id(of: $0.term) })
            let frequent = index.postings.documentFrequencies[Int(term)] >= TermFacetCounts.minimumDocumentFrequency
            guard let start = counts.start(of: term) else {
                #expect(!frequent, "\(word)")
                continue
            }
            #expect(frequent, "\(word)")
            for (position, field) in index.facetRows.fields.enumerated() {
                let column = index.keywordColumns[field]
                var expected = [UInt32](repeating: 0, count: column.values.count + 1)
                for doc in 0..<index.documentCount
                where index.storedText.contains(where: { $0[doc].split(separator: " ").contains { $0 == word } }) {
                    let keywords = Self.documents[doc].keywords[field]
                    let value = keywords.first.flatMap { column.values.firstIndex(of: $0) } ?? column.values.count
                    expected[value] += 1
                }
                let from = start + counts.columnStarts[position]
                #expect(Array(counts.counts[from..<(from + expected.count)]) == expected, "\(word) \(field)")
            }
        }
    }

    /// Facets, totals and hits of the one-word query against the evaluated `word OR word`, for facet
    /// lists all in `FacetRows` or with a multi-valued column beside them, with and without
    /// collapsing and filters; and the counts are preset exactly when the conditions hold.
    @Test(arguments: ["common", "frequent", "usual", "sparse", "rare", "title:common", "body:frequent"])
    func presetCountsAreThePassCounts(query: String) throws {
        let index = Self.index
        for facets in [["source"], ["source", "category"], ["category", "tag", "source"]] {
            for collapse in [true, false] {
                for (filters, from) in [([:], nil), (["category": ["c1"]], nil), ([:], Int64(400 * 3_600))]
                    as [([String: [String]], Int64?)]
                {
                    var single = SearchRequest(query: query)
                    single.limit = 10
                    single.snippets = nil
                    single.collapseDuplicates = collapse
                    single.facets = facets
                    single.facetLimit = 100
                    single.filters = filters
                    single.from = from
                    var evaluated = single
                    evaluated.query = "\(query) OR \(query)"
                    let a = try index.search(single)
                    let b = try index.search(evaluated)
                    let label = "\(query) \(facets) \(collapse) \(filters) \(from.map(String.init) ?? "-")"
                    #expect(a.total == b.total, "\(label)")
                    #expect(a.facets == b.facets, "\(label)")
                    #expect(a.hits.map(\.doc) == b.hits.map(\.doc), "\(label)")
                }
            }
        }
        let node = try index.parser.parse(query, match: .all)
        let single = try #require(index.singleTerm(node))
        var request = SearchRequest(query: query)
        request.facets = ["source", "category"]
        let fields = request.facets.map { index.schema.keywordFieldIndex($0)! }
        var collector = MatchCollector(index: index, request: request, filters: [], facetFields: fields, cursor: nil)
        collector.presetTallies(term: single.term, fields: single.fields, index: index)
        let frequent = ["common", "frequent", "usual"].contains(query)
        #expect(collector.tallied == frequent, "\(query)")
        // Without facets, nothing to count for any word over every field.
        var bare = MatchCollector(index: index, request: request, filters: [], facetFields: [], cursor: nil)
        bare.presetTallies(term: single.term, fields: single.fields, index: index)
        #expect(bare.tallied == !query.contains(":"), "\(query)")
    }

    /// Date order with a cursor goes through the general pass while the counts are preset: every
    /// page's facets and total equal the evaluated `word OR word`'s, and the pages join up.
    @Test func presetCountsHoldUnderDateOrderAndCursors() throws {
        let index = Self.index
        for query in ["common", "sparse"] {
            var single = SearchRequest(query: query)
            single.limit = 50
            single.snippets = nil
            single.sort = .dateDescending
            single.facets = ["source", "category"]
            var evaluated = single
            evaluated.query = "\(query) OR \(query)"
            for _ in 0..<3 {
                let a = try index.search(single)
                let b = try index.search(evaluated)
                #expect(a.total == b.total, "\(query)")
                #expect(a.facets == b.facets, "\(query)")
                #expect(a.hits.map(\.doc) == b.hits.map(\.doc), "\(query)")
                single.cursor = try #require(a.nextCursor)
                evaluated.cursor = try #require(b.nextCursor)
            }
        }
    }

    /// The threshold is inclusive: a word in exactly `minimumDocumentFrequency` documents has stored
    /// counts, one in a document fewer has none.
    @Test func theThresholdIsInclusive() throws {
        let threshold = TermFacetCounts.minimumDocumentFrequency
        var builder = IndexBuilder(schema: Self.schema)
        for doc in 0..<threshold {
            let words = doc == 0 ? "atthreshold" : "atthreshold belowthreshold"
            _ = try builder.add(SearchDocument(text: ["", words], keywords: [["s\(doc % 3)"], [], []]))
        }
        let index = builder.build()
        func stored(_ word: String) throws -> Bool {
            let term = try #require(index.analyzer.tokens(word).first.flatMap { index.dictionary.id(of: $0.term) })
            return index.termFacets.start(of: term) != nil
        }
        #expect(try stored("atthreshold"))
        #expect(try !stored("belowthreshold"))
    }
}
