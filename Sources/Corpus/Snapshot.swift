import Dispatch
import Entities
import Foundation
import Search
import Synchronization

/// The loaded corpus as the server reads it: the articles, their full-text index and their entity
/// index, immutable, shared by every request, replaced whole on reload.
///
/// Canonical order: newest first by publication date, undated articles last, ties broken by
/// ascending id, so the default listing needs no sort and equal inputs give equal output.
public final class Snapshot: Sendable {
    public let articles: [Article]
    public let report: LoadReport
    /// 16 hex digits hashed from every article's content in canonical order: equal corpora get
    /// equal versions across runs and machines, any change gives a new one (for ETags).
    public let version: String
    public let loadedAt: Date
    /// Documents are the articles, in the same order: a search hit's `doc` indexes `articles`.
    public let search: SearchIndex
    /// Article numbers in entity queries index `articles` too.
    public let entities: EntityIndex
    /// Whether entities were extracted; when not, `entities` is empty by choice (`entities.extract`).
    public let extractsEntities: Bool
    /// Seconds from the start of indexing, after loading, until the entity index and the search
    /// index were each complete: the two are built at once, so the figures overlap.
    public let indexingSeconds: (entities: Double, search: Double)
    private let positions: ArticleIDTable

    /// - Parameters:
    ///   - articles: articles with unique ids, in any order.
    ///   - extractEntities: false leaves the entity index empty and skips the extractor's cost.
    public init(
        articles: consuming [Article], report: LoadReport, loadedAt: Date = Date(), extractEntities: Bool = true
    ) {
        // In canonical order. Sorting positions moves 8-byte integers instead of articles of a dozen
        // fields, and the dates are read from an array of their own: passing two articles to a
        // comparison retained and released every field of both, on the one thread of this step.
        let dates = articles.withUnsafeBufferPointer { articles in articles.indices.map { articles[$0].published } }
        let order = articles.indices.sorted { left, right in
            switch (dates[left], dates[right]) {
            case (let left?, let right?) where left != right: left > right
            case (.some, .none): true
            case (.none, .some): false
            default: articles[left].id < articles[right].id
            }
        }
        Self.permute(&articles, into: order)
        let sorted = articles
        self.articles = sorted
        self.report = report
        self.loadedAt = loadedAt
        self.version = Self.version(of: sorted)
        // An id given twice (only when the loader's rule was bypassed) names its first article.
        positions = ArticleIDTable(count: sorted.count) { sorted[$0].id }
        extractsEntities = extractEntities
        (entities, search, indexingSeconds) = Self.indexes(of: sorted, extractEntities: extractEntities)
    }

    /// Puts `articles[order[i]]` at position `i`, moving each article once along the cycles of
    /// `order` (a permutation of the positions): building a sorted copy retained every field of
    /// every article, a cache miss each, on the one thread of this step.
    static func permute(_ articles: inout [Article], into order: [Int]) {
        // A wrong length or a repeated position would move an article twice: memory unsafety.
        precondition(order.count == articles.count, "the order covers every article")
        assert(Set(order) == Set(order.indices), "the order is a permutation of the positions")
        var placed = [Bool](repeating: false, count: order.count)
        articles.withUnsafeMutableBufferPointer { articles in
            guard let base = articles.baseAddress else { return }
            for start in order.indices where !placed[start] {
                placed[start] = true
                guard order[start] != start else { continue }
                let first = (base + start).move()
                var position = start
                while order[position] != start {
                    let source = order[position]
                    (base + position).initialize(to: (base + source).move())
                    placed[source] = true
                    position = source
                }
                (base + position).initialize(to: first)
            }
        }
    }

    /// Loads the files while the extractor's gazetteers are read beside them (the first time), so
    /// indexing does not wait for them; without `extractEntities` they are not read at all.
    public static func load(paths: [String], extractEntities: Bool = true) -> Snapshot {
        let gazetteers = DispatchGroup()
        if extractEntities { DispatchQueue.global().async(group: gazetteers) { _ = extractor } }
        let (articles, report) = CorpusLoader.load(paths: paths)
        gazetteers.wait()
        return Snapshot(articles: consume articles, report: report, extractEntities: extractEntities)
    }

    public func article(id: String) -> Article? {
        index(of: id).map { articles[$0] }
    }

    /// The article's position in `articles`.
    public func index(of id: String) -> Int? {
        positions.position(of: id) { articles[$0].id }
    }

    /// Hashes slices of the corpus in parallel, then hashes the slice hashes in order.
    private static func version(of articles: [Article]) -> String {
        let sliceSize = 2_048
        let sliceCount = (articles.count + sliceSize - 1) / sliceSize
        let hashes = Mutex<[UInt64]>(Array(repeating: 0, count: sliceCount))
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            var hash = ContentHash()
            articles.withUnsafeBufferPointer { articles in
                for index in (slice * sliceSize)..<min(articles.count, (slice + 1) * sliceSize) {
                    contribute(articles[index], to: &hash)
                }
            }
            let value = hash.value
            hashes.withLock { $0[slice] = value }
        }
        var total = ContentHash()
        total.combine(UInt64(articles.count))
        for value in hashes.withLock({ $0 }) { total.combine(value) }
        return total.hex
    }

    /// Feeds every field a client can see into `hash`.
    private static func contribute(_ article: Article, to hash: inout ContentHash) {
        hash.combine(article.id)
        hash.combine(article.title)
        hash.combine(article.body)
        hash.combine(article.source ?? "")
        hash.combine(article.url ?? "")
        hash.combine(article.author ?? "")
        hash.combine(article.category ?? "")
        let millis = article.published.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? Int64.min
        hash.combine(UInt64(bitPattern: millis))
        for field in article.metadata {
            hash.combine(field.name)
            hash.combine(field.json)
        }
    }
}
