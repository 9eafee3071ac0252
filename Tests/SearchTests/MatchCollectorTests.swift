import Testing

@testable import Search

/// The one-pass collection (`MatchCollector`, and a one-word query scored straight from its
/// postings into it) held to the definition of a search written out plainly: evaluate the query to
/// its full list of matches, filter, count facets disjunctively, sort everything, collapse
/// near-duplicates, page. Over a generated corpus with republished stories (clusters), undated
/// documents and a multi-valued keyword column (counted after the pass, not in it).
@Suite struct MatchCollectorTests {
    struct Document {
        var source: String
        var category: String
        var entities: [String]
        var date: Int64?
    }

    static let schema = SearchSchema(
        textFields: [.init("title", weight: 2), .init("body")], keywordFields: ["source", "category", "entity"])

    static let corpus: (index: SearchIndex, documents: [Document]) = {
        var random = SnippetEquivalenceTests.Generator(state: 11)
        let articles = TestCorpus.generated(count: 400, seed: 3) + CollapseTests.corpus(seed: 7)
        let entityNames = ["e1", "E1", "e2", "e3"]
        var builder = IndexBuilder(schema: schema)
        var documents: [Document] = []
        for article in articles {
            let entities = (0..<random.next(3)).map { _ in entityNames[random.next(entityNames.count)] }
            documents.append(
                Document(source: article.source, category: article.category, entities: entities, date: article.date))
            _ = try! builder.add(
                SearchDocument(
                    text: [article.title, article.body], keywords: [[article.source], [article.category], entities],
                    date: article.date))
        }
        return (builder.build(), documents)
    }()

    static let queries = [
        "market", "Market", "oil", "title:market", "bank rates", "oil OR vote", "market -oil", "\"oil price\"",
        "mark*", "markte", "absentword", "the", "source:bbc", "growth~1", "vote update",
    ]

    static let filterSets: [[String: [String]]] = [
        [:], ["source": ["bbc", "A"]], ["category": ["x", "business"]], ["entity": ["e1"]],
        ["source": ["reuters", "b"], "category": ["sport", "y"]],
    ]

    struct Outcome: Equatable, CustomStringConvertible {
        var total: Int
        var hits: [String]
        var facets: [String: [String: Int]]
        var description: String { "total \(total) hits \(hits) facets \(facets)" }
    }

    /// The definition: every match listed, then each step over the whole list.
    static func reference(_ request: SearchRequest) throws -> Outcome {
        let (index, documents) = corpus
        let node = try index.parser.parse(request.query, match: request.match)
        var evaluation = index.evaluate(node)
        if evaluation.matches.isEmpty, request.typoTolerance, let tolerant = SearchIndex.typoTolerant(node) {
            evaluation = index.evaluate(tolerant)
        }
        func values(_ field: String, _ doc: Int) -> [String] {
            switch field {
            case "source": [documents[doc].source]
            case "category": [documents[doc].category]
            default: Array(Set(documents[doc].entities)).sorted()
            }
        }
        func passes(_ field: String, _ doc: Int) -> Bool {
            guard let wanted = request.filters[field] else { return true }
            return values(field, doc).contains { value in wanted.contains { $0.lowercased() == value.lowercased() } }
        }
        func inRange(_ doc: Int) -> Bool {
            guard request.from != nil || request.to != nil else { return true }
            guard let date = documents[doc].date else { return false }
            return date >= (request.from ?? .min) && date <= (request.to ?? .max)
        }
        let matches = zip(evaluation.matches.docs.map(Int.init), evaluation.matches.scores).filter { inRange($0.0) }
        var facets: [String: [String: Int]] = [:]
        for field in request.facets {
            var counts: [String: Int] = [:]
            for (doc, _) in matches where request.filters.keys.allSatisfy({ $0 == field || passes($0, doc) }) {
                for value in values(field, doc) { counts[value, default: 0] += 1 }
            }
            facets[field] = counts
        }
        let kept = matches.filter { match in request.filters.keys.allSatisfy { passes($0, match.0) } }
        func key(_ match: (Int, Float)) -> (Int, Double) {
            switch request.sort {
            case .relevance: return (0, -Double(match.1))
            case .date: return documents[match.0].date.map { (0, Double($0)) } ?? (1, 0)
            case .dateDescending: return documents[match.0].date.map { (0, -Double($0)) } ?? (1, 0)
            }
        }
        let sorted = kept.sorted { key($0) != key($1) ? key($0) < key($1) : $0.0 < $1.0 }
        let keptDocs = Set(kept.map(\.0))
        var visible: [(Int, Float)] = []
        var seenClusters: Set<Int> = []
        let collapsing = request.collapseDuplicates && !index.duplicateClusters.isEmpty
        for match in sorted {
            // A cluster is named by its first document.
            let cluster = (index.duplicates(of: match.0) + [match.0]).min()!
            if collapsing, cluster != match.0 || !index.duplicates(of: match.0).isEmpty,
                !seenClusters.insert(cluster).inserted
            {
                continue
            }
            visible.append(match)
        }
        let page = visible.dropFirst(request.offset).prefix(request.limit)
        let hits = page.map { doc, score in
            let terms = evaluation.leaves.filter { SearchIndex.sortedContains($0.docs, Int32(doc)) }.map(\.label)
            let duplicates = collapsing ? index.duplicates(of: doc).filter(keptDocs.contains) : []
            return "\(doc) \(score) \(terms) \(duplicates)"
        }
        return Outcome(total: visible.count, hits: Array(hits), facets: facets)
    }

    static func engine(_ request: SearchRequest) throws -> Outcome {
        let results = try corpus.index.search(request)
        let hits = results.hits.map { "\($0.doc) \($0.score) \($0.matchedTerms) \($0.duplicates)" }
        let facets = Dictionary(
            uniqueKeysWithValues: results.facets.map { facet in
                (facet.field, Dictionary(uniqueKeysWithValues: facet.values.map { ($0.value, $0.count) }))
            })
        return Outcome(total: results.total, hits: hits, facets: facets)
    }

    static func request(_ query: String, sort: SortOrder, filters: [String: [String]]) -> SearchRequest {
        var request = SearchRequest(query: query)
        request.sort = sort
        request.filters = filters
        request.facets = ["source", "category", "entity"]
        request.facetLimit = 1000
        request.snippets = nil
        return request
    }

    @Test(arguments: SortOrder.allCases)
    func onePassEqualsTheDefinition(sort: SortOrder) throws {
        #expect(Self.corpus.index.duplicateClusters.count >= 4)
        var checked = 0
        var nonEmpty = 0
        for query in Self.queries {
            for filters in Self.filterSets {
                for range in [nil, 10...30] as [ClosedRange<Int64>?] {
                    for collapse in [true, false] {
                        for (offset, limit) in [(0, 20), (3, 7), (0, 1000)] {
                            var request = Self.request(query, sort: sort, filters: filters)
                            request.from = range?.lowerBound
                            request.to = range?.upperBound
                            request.collapseDuplicates = collapse
                            request.offset = offset
                            request.limit = limit
                            let expected = try Self.reference(request)
                            let actual = try Self.engine(request)
                            #expect(actual == expected, "\(query) \(filters) \(String(describing: range)) \(collapse)")
                            checked += 1
                            if expected.total > 0 { nonEmpty += 1 }
                        }
                    }
                }
            }
        }
        #expect(nonEmpty > checked / 2)
    }

    /// Pages read through cursors, one after another, give the definition's whole ordered list.
    @Test(arguments: SortOrder.allCases)
    func cursorPagesConcatenateToTheDefinition(sort: SortOrder) throws {
        for query in ["market", "oil OR vote", "vote update"] {
            for filters in [[:], ["category": ["x", "business"]]] as [[String: [String]]] {
                var all = Self.request(query, sort: sort, filters: filters)
                all.limit = 1000
                let expected = try Self.reference(all)
                var request = Self.request(query, sort: sort, filters: filters)
                request.limit = 9
                var pages: [String] = []
                while true {
                    let results = try Self.corpus.index.search(request)
                    #expect(results.total == expected.total)
                    pages += results.hits.map { "\($0.doc) \($0.score) \($0.matchedTerms) \($0.duplicates)" }
                    guard let next = results.nextCursor else { break }
                    request.cursor = next
                }
                #expect(pages == expected.hits, "\(query) \(filters)")
            }
        }
    }

    /// The top k against a full sort, for capacities around the number of entries and ties.
    @Test func topKKeepsTheSmallestKeys() {
        var random = SnippetEquivalenceTests.Generator(state: 5)
        let entries = (0..<300).map { doc in
            (key: random.next(5) == 0 ? UInt64.max : UInt64(random.next(40)), doc: Int32(doc))
        }
        let sorted = entries.sorted { SearchCursor.precedes(($0.key, $0.doc), ($1.key, $1.doc)) }
        for capacity in [0, 1, 2, 17, 299, 300, 301] {
            var heap = TopK(capacity: capacity)
            for entry in entries.reversed() { heap.insert(key: entry.key, doc: entry.doc, score: 0) }
            #expect(heap.sorted().map(\.doc) == sorted.prefix(capacity).map(\.doc), "capacity \(capacity)")
        }
    }
}
