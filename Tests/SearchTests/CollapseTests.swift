import Testing

@testable import Search

/// Collapsing near-duplicates, held to its definition on a corpus full of republished stories:
/// take every match in sort order (filters applied), keep the first member of each cluster, and
/// list under it the cluster's other matching members.
@Suite struct CollapseTests {
    static let stories = [
        "The central bank raised its main interest rate by a quarter point on Thursday citing persistent inflation in services and a tight labour market",
        "Oil prices fell sharply on Monday after producers agreed to lift output from next month while demand in Asia stayed weak through the winter",
        "The election commission confirmed the vote will take place in September after weeks of talks between the parties over the new voting rules",
        "Shares in the carmaker rallied after it reported record deliveries of electric vehicles and raised its forecast for the rest of the year",
    ]

    static func corpus(seed: UInt64) -> [TestCorpus.Article] {
        var random = SnippetEquivalenceTests.Generator(state: seed)
        let extras = ["market", "update", "inflation", "vote", "oil", "shares", "report", "weather"]
        return (0..<240).map { _ in
            let story = stories[random.next(stories.count)]
            // Most copies are republished whole (with a byline or a prefix); some are fresh text.
            let body =
                random.next(5) == 0
                ? (0..<12).map { _ in extras[random.next(extras.count)] }.joined(separator: " ")
                : (random.next(2) == 0 ? "UPDATE: " : "") + story + " Reporting by desk \(random.next(3))."
            return TestCorpus.Article(
                title: extras[random.next(extras.count)], body: body, source: ["a", "b", "c"][random.next(3)],
                category: ["x", "y"][random.next(2)], date: random.next(4) == 0 ? nil : Int64(random.next(30)))
        }
    }

    @Test(arguments: [SortOrder.relevance, .date, .dateDescending])
    func collapsingKeepsTheFirstOfEachClusterInSortOrder(sort: SortOrder) throws {
        let index = try TestCorpus.index(Self.corpus(seed: 7))
        #expect(index.duplicateClusters.count >= 4)
        let clusterOf = Dictionary(
            uniqueKeysWithValues: index.duplicateClusters.enumerated().flatMap { cluster, docs in
                docs.map { ($0, cluster) }
            })
        for query in ["market", "inflation OR oil", "the", "vote -update", "shares"] {
            for filters in [[:], ["source": ["a", "b"]], ["category": ["y"]]] {
                var request = SearchRequest(query: query)
                request.sort = sort
                request.filters = filters
                request.snippets = nil
                request.limit = SearchIndex.maximumLimit
                request.collapseDuplicates = false
                let all = try index.search(request).hits.map(\.doc)
                var kept: [Int] = []
                var seen: Set<Int> = []
                for doc in all {
                    if let cluster = clusterOf[doc] {
                        guard seen.insert(cluster).inserted else { continue }
                    }
                    kept.append(doc)
                }
                request.collapseDuplicates = true
                for (offset, limit) in [(0, 1000), (0, 7), (5, 9)] {
                    request.offset = offset
                    request.limit = limit
                    let results = try index.search(request)
                    #expect(results.total == kept.count, "\(query) \(filters)")
                    let page = Array(kept.dropFirst(offset).prefix(limit))
                    #expect(results.hits.map(\.doc) == page, "\(query) \(filters) \(offset)")
                    for hit in results.hits {
                        let expected = clusterOf[hit.doc].map { cluster in
                            index.duplicateClusters[cluster].filter { $0 != hit.doc && all.contains($0) }
                        }
                        #expect(hit.duplicates == expected ?? [], "\(query) \(filters) doc \(hit.doc)")
                    }
                }
            }
        }
    }
}
