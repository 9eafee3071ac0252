import Corpus
import Entities
import Foundation

/// The articles of one snapshot arranged for serving: each article's summary pre-rendered as JSON,
/// its record rendered on demand and cached while in demand, an id lookup, and the orders and filter
/// lists `GET /v1/articles` pages through.
///
/// Filtering works on ranks in newest-first order: a source's or category's articles are kept as a
/// sorted list of ranks, and a date range is a contiguous run of ranks, so a filtered page is a
/// merge of sorted integer lists with an exact total and no scan of the corpus.
final class ArticleCatalog: Sendable {
    let articles: [Article]
    let summaries: RenderedSummaries
    /// Records are rendered from the article and this index (its mentions).
    let entities: EntityIndex
    /// Recent records and their gzips: about 30 µs per 5 KB record saved on every later gzip request.
    let recordCache: RecordCache
    /// The snapshot, whose id lookup (`Snapshot.index(of:)`) the catalog shares.
    private let snapshot: Snapshot
    /// Article indexes, newest first (undated last, then by id).
    let newestFirst: [Int]
    /// Article indexes by id, ascending.
    let byID: [Int]
    /// For each article index, its rank in `newestFirst`.
    let rankOf: [Int]
    /// Publication time of `newestFirst[rank]`, for binary search by date.
    let dateAtRank: [Date?]
    /// Lower-cased source and category to the sorted ranks of their articles.
    let ranksBySource: [String: [Int]]
    let ranksByCategory: [String: [Int]]

    init(snapshot: Snapshot, recordCacheSlots: Int = RecordCache.defaultSlotCount) {
        let articles = snapshot.articles
        self.articles = articles
        summaries = RenderedSummaries(articles)
        entities = snapshot.entities
        recordCache = RecordCache(slotCount: recordCacheSlots)
        self.snapshot = snapshot
        let newestFirst = articles.indices.sorted { a, b in
            switch (articles[a].published, articles[b].published) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return articles[a].id < articles[b].id
            }
        }
        self.newestFirst = newestFirst
        byID = articles.indices.sorted { articles[$0].id < articles[$1].id }
        var rankOf = [Int](repeating: 0, count: articles.count)
        for (rank, index) in newestFirst.enumerated() { rankOf[index] = rank }
        self.rankOf = rankOf
        dateAtRank = newestFirst.map { articles[$0].published }
        var bySource: [String: [Int]] = [:]
        var byCategory: [String: [Int]] = [:]
        for (rank, index) in newestFirst.enumerated() {
            if let source = articles[index].source { bySource[source.lowercased(), default: []].append(rank) }
            if let category = articles[index].category { byCategory[category.lowercased(), default: []].append(rank) }
        }
        ranksBySource = bySource
        ranksByCategory = byCategory
    }

    /// The index of the article with id `id`.
    func index(ofID id: String) -> Int? { snapshot.index(of: id) }

    /// The full record of article `index`, with the gzip kept beside it while it stays cached.
    func record(_ index: Int) -> RecordCache.Entry {
        recordCache.record(index) { ArticleJSON.record(articles[index], entities: entities, number: index) }
    }

    /// The ranks (newest-first positions) of articles published within `from...to`.
    func rankRange(from: Date?, to: Date?) -> Range<Int> {
        // Ranks are ordered newest first: dates descend, undated articles sit at the end.
        let dated = partition { $0 != nil }
        let start = to.map { bound in partition { ($0 ?? .distantPast) > bound } } ?? 0
        let end =
            from.map { bound in partition { ($0 ?? .distantPast) >= bound } } ?? (to == nil ? dateAtRank.count : dated)
        return start..<max(start, end)
    }

    /// The first rank where `belongs` turns false; `belongs` must be true for a prefix of ranks.
    private func partition(_ belongs: (Date?) -> Bool) -> Int {
        var low = 0
        var high = dateAtRank.count
        while low < high {
            let middle = (low + high) / 2
            if belongs(dateAtRank[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
