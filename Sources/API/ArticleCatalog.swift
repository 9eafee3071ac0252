import Corpus
import Entities
import Foundation

/// The articles of one snapshot arranged for serving: where each summary's excerpt ends (summaries
/// are written on request), records rendered on demand and cached while in demand, and the orders
/// and filter lists `GET /v1/articles` pages through.
///
/// The snapshot keeps its articles newest first (undated last, then by id), the list's default
/// order: an article's index is its rank in that order, so the order needs no array of its own and
/// a date range is a contiguous run of indexes. A source's or category's articles are kept as a
/// sorted list of indexes, so a filtered page is a merge of sorted integer lists with an exact
/// total and no scan of the corpus.
final class ArticleCatalog: Sendable {
    let articles: [Article]
    let excerpts: ExcerptEnds
    /// Records are rendered from the article and this index (its mentions).
    let entities: EntityIndex
    /// Recent records and their gzips: about 30 µs per 5 KB record saved on every later gzip request.
    let recordCache: RecordCache
    /// Recent list summaries: the pages read most are copied, not written again.
    let summaryCache: SummaryCache
    /// The snapshot, whose id lookup (`Snapshot.index(of:)`) the catalog shares.
    private let snapshot: Snapshot
    /// Article indexes by id, ascending (4 bytes each).
    let byID: [UInt32]
    /// Lower-cased source and category to the sorted indexes of their articles.
    let indexesBySource: [String: [Int]]
    let indexesByCategory: [String: [Int]]

    init(
        snapshot: Snapshot, recordCacheSlots: Int = RecordCache.defaultSlotCount,
        summaryCacheSlots: Int = SummaryCache.defaultSlotCount
    ) {
        let articles = snapshot.articles
        self.articles = articles
        excerpts = ExcerptEnds(articles)
        entities = snapshot.entities
        recordCache = RecordCache(slotCount: recordCacheSlots)
        summaryCache = SummaryCache(slotCount: summaryCacheSlots)
        self.snapshot = snapshot
        byID = (0..<UInt32(articles.count)).sorted { articles[Int($0)].id < articles[Int($1)].id }
        var bySource: [String: [Int]] = [:]
        var byCategory: [String: [Int]] = [:]
        // Read in place: a copy of each article retained every field of it, on the one thread of
        // this step.
        articles.withUnsafeBufferPointer { articles in
            for index in articles.indices {
                if let source = articles[index].source { bySource[source.lowercased(), default: []].append(index) }
                if let category = articles[index].category {
                    byCategory[category.lowercased(), default: []].append(index)
                }
            }
        }
        // Copied to their exact size: lists grown by `append` keep up to twice their length.
        indexesBySource = bySource.mapValues { $0.withUnsafeBufferPointer { Array($0) } }
        indexesByCategory = byCategory.mapValues { $0.withUnsafeBufferPointer { Array($0) } }
    }

    /// The index of the article with id `id`.
    func index(ofID id: String) -> Int? { snapshot.index(of: id) }

    /// Writes the summaries of articles `indexes` as values of the array being written, from the
    /// summary cache where they are in it.
    /// Those not cached are written in place and copied into the cache from there.
    func writeSummaries(_ indexes: [Int], into json: inout JSONWriter) {
        var written: [SummaryCache.Entry] = []
        for (index, cached) in zip(indexes, summaryCache.summaries(indexes)) {
            if let cached {
                json.raw(cached.json)
                continue
            }
            let before = json.bytes.count
            var identityEnd = 0
            json.object { json in identityEnd = writeSummaryFields(index, into: &json) }
            // The object starts after the comma that separates it from the one before, if any.
            let start = json.bytes[before] == UInt8(ascii: ",") ? before + 1 : before
            written.append(
                .init(
                    index: index, json: json.bytes[start...].withUnsafeBufferPointer { Array($0) },
                    identityEnd: identityEnd - start))
        }
        summaryCache.store(written)
    }

    /// The summaries of articles `indexes` from the summary cache, those not in it written and
    /// stored: a search page copies its hits' identity fields out of them, so a repeated search
    /// costs what it did when every summary was rendered at load.
    func summaryEntries(_ indexes: [Int]) -> [SummaryCache.Entry] {
        var written: [SummaryCache.Entry] = []
        let entries = zip(indexes, summaryCache.summaries(indexes)).map { index, cached in
            if let cached { return cached }
            var json = JSONWriter(capacity: 1024)
            var identityEnd = 0
            json.object { json in identityEnd = writeSummaryFields(index, into: &json) }
            let entry = SummaryCache.Entry(
                index: index, json: json.bytes.withUnsafeBufferPointer { Array($0) }, identityEnd: identityEnd)
            written.append(entry)
            return entry
        }
        summaryCache.store(written)
        return entries
    }

    /// Writes article `index`'s summary members into the object being written (an entity's or a
    /// related article, which adds its own members).
    /// - Returns: where the identity fields end in `json.bytes`.
    @discardableResult
    func writeSummaryFields(_ index: Int, into json: inout JSONWriter) -> Int {
        ArticleJSON.summaryFields(of: articles[index], excerpt: excerpts[index], into: &json)
    }

    /// The full record of article `index`, with the gzip kept beside it while it stays cached.
    func record(_ index: Int) -> RecordCache.Entry {
        recordCache.record(index) { ArticleJSON.record(articles[index], entities: entities, number: index) }
    }

    /// The indexes (newest-first ranks) of articles published within `from...to`.
    func indexRange(from: Date?, to: Date?) -> Range<Int> {
        // Indexes are ordered newest first: dates descend, undated articles sit at the end.
        let dated = partition { $0 != nil }
        let start = to.map { bound in partition { ($0 ?? .distantPast) > bound } } ?? 0
        let end =
            from.map { bound in partition { ($0 ?? .distantPast) >= bound } } ?? (to == nil ? articles.count : dated)
        return start..<max(start, end)
    }

    /// The first index where `belongs` turns false; `belongs` must be true for a prefix of indexes.
    private func partition(_ belongs: (Date?) -> Bool) -> Int {
        var low = 0
        var high = articles.count
        while low < high {
            let middle = (low + high) / 2
            if belongs(articles[middle].published) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
