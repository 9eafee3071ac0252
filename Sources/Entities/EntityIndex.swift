import Foundation

/// The entities of a corpus, frozen: every query is a read of immutable arrays, so the index is
/// shared by all threads without locks. Built by `EntityIndexBuilder`.
public final class EntityIndex: Sendable {
    /// Sorted by id.
    public let entities: [Entity]
    /// How many articles were added, with or without entities.
    public let articleCount: Int
    let indexByID: [String: Int]
    let entitiesByArticle: ArticleEntityTable
    /// Per entity, its articles by descending salience, then ascending article.
    let postings: EntityPostings
    /// Per entity, its top co-mentioned entities by count, then lift, then index.
    let coMentionLists: CoMentionTable
    let orders: [EntitySort: [Int]]
    /// Folded names, aliases and their word suffixes, sorted, for prefix search.
    let prefixKeys: [(key: String, entity: Int)]

    init(entities: [Entity], articles: [(article: Int, date: Date?, entities: [ArticleEntity])]) {
        // The builder made these strings on every core among its transient ones: copied, they stop
        // pinning its freed pages (100,000 articles: about 60 MB less resident with the keys below).
        let entities = entities.map(Self.freshCopy)
        self.entities = entities
        self.articleCount = articles.count
        var indexByID: [String: Int] = [:]
        for (index, entity) in entities.enumerated() { indexByID[entity.id] = index }
        self.indexByID = indexByID

        // The tables, co-mentions and the lists read the same input, not each other.
        let (tables, coMentions, lists) = Concurrently.run(
            {
                let table = ArticleEntityTable(articles.map { ($0.article, $0.entities) })
                return (table, EntityPostings(entityCount: entities.count, articles: articles, table: table))
            },
            { EntityIndex.coMentions(articles.map(\.entities), entityCount: entities.count) },
            { EntityIndex.listOrders(entities) })
        (self.entitiesByArticle, self.postings) = tables
        self.coMentionLists = coMentions
        orders = lists.0
        prefixKeys = lists.1.map { ($0.key.freshCopy(), $0.entity) }
    }

    /// `entity` with its strings in fresh allocations (`String.freshCopy`).
    static func freshCopy(_ entity: Entity) -> Entity {
        var copy = entity
        copy.id = entity.id.freshCopy()
        copy.name = entity.name.freshCopy()
        copy.aliases = entity.aliases.map { Entity.Alias(name: $0.name.freshCopy(), count: $0.count) }
        return copy
    }

    /// The entity orders of `EntitySort` and the sorted keys of prefix search.
    static func listOrders(_ entities: [Entity]) -> ([EntitySort: [Int]], [(key: String, entity: Int)]) {
        let folded = entities.map { EntityName.folded($0.name) }
        let all = Array(entities.indices)
        let orders: [EntitySort: [Int]] = [
            .articles: all.sorted { (entities[$0].articleCount, $1) > (entities[$1].articleCount, $0) },
            .mentions: all.sorted { (entities[$0].mentionCount, $1) > (entities[$1].mentionCount, $0) },
            .name: all.sorted { (folded[$0], $0) < (folded[$1], $1) },
        ]
        var keys: [(key: String, entity: Int)] = []
        for (index, entity) in entities.enumerated() {
            var forms = Set([folded[index]])
            for alias in entity.aliases { forms.insert(EntityName.folded(alias.name)) }
            for form in forms {
                let words = form.split(separator: " ")
                for start in words.indices { keys.append((words[start...].joined(separator: " "), index)) }
            }
        }
        keys.sort { ($0.key, $0.entity) < ($1.key, $1.entity) }
        return (orders, keys)
    }

    /// Pair counts over each article's most salient entities, turned into top lists with lift.
    /// Pairs are counted by sorting: each chunk of articles sorts and counts its own pairs on a
    /// core of its own, then each range of first entities gathers its keys from every chunk and
    /// sums them on a core of its own, so no step sorts every pair on one thread.
    ///
    /// - Parameter rangeCount: how many ranges of first entities the chunks' counts are summed in.
    static func coMentions(_ articles: [[ArticleEntity]], entityCount: Int, rangeCount: Int = 32) -> CoMentionTable {
        var articleCounts = [Int](repeating: 0, count: entityCount)
        for entities in articles {
            for entity in entities { articleCounts[entity.entity] += 1 }
        }
        let chunks = stride(from: 0, to: articles.count, by: 4_096).map { $0..<min(articles.count, $0 + 4_096) }
        let counted = Concurrently.map(chunks, chunk: 1) { range in
            var keys: [UInt64] = []
            for entities in articles[range] {
                let top = entities.prefix(EntityIndexBuilder.coMentionEntitiesPerArticle).map(\.entity).sorted()
                for (offset, a) in top.enumerated() {
                    for b in top[(offset + 1)...] where a != b { keys.append(UInt64(a) << 32 | UInt64(b)) }
                }
            }
            keys.sort()
            return runs(of: keys.lazy.map { ($0, Int32(1)) })
        }
        let pairs = summed(counted, entityCount: entityCount, rangeCount: rangeCount)
        return CoMentionTable(
            pairs: pairs, articleCounts: articleCounts, articleTotal: articles.count,
            kept: EntityIndexBuilder.coMentionsKept)
    }

    /// The counts of `counted` (each sorted by key, each key once) summed per key, in key order:
    /// `runs(of:)` of all of them sorted together. A key's first entity is its high half, so the
    /// keys of a range of first entities are one contiguous stretch of every part.
    static func summed(
        _ counted: [[(key: UInt64, count: Int32)]], entityCount: Int, rangeCount: Int
    ) -> [(key: UInt64, count: Int32)] {
        let rangeCount = max(1, min(rangeCount, entityCount))
        let bounds = (0...rangeCount).map { UInt64(entityCount * $0 / rangeCount) << 32 }
        return Concurrently.map(Array(0..<rangeCount), chunk: 1) { range in
            var keys: [(key: UInt64, count: Int32)] = []
            for part in counted {
                keys +=
                    part[
                        firstIndex(
                            in: part, notBelow: bounds[range])..<firstIndex(in: part, notBelow: bounds[range + 1])]
            }
            keys.sort { $0.key < $1.key }
            return runs(of: keys)
        }.joined().map { $0 }
    }

    /// The first position of `sorted` whose key is `key` or above (`sorted.count` when none is).
    static func firstIndex(in sorted: [(key: UInt64, count: Int32)], notBelow key: UInt64) -> Int {
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Sums the counts of equal keys in `sorted`, which holds equal keys next to each other.
    static func runs<Pairs: Sequence<(key: UInt64, count: Int32)>>(of sorted: Pairs) -> [(key: UInt64, count: Int32)] {
        var result: [(key: UInt64, count: Int32)] = []
        for (key, count) in sorted {
            if let last = result.last, last.key == key {
                result[result.count - 1].count += count
            } else {
                result.append((key, count))
            }
        }
        return result
    }
}
