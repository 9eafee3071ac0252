/// Per entity, its top co-mentioned entities by count, then lift, then index, in one flat array of
/// 8-byte entries (the other entity and the pair's count): the lift is computed again when asked
/// for, from the pair's count and the two entities' article counts, by the same expression as when
/// the lists were ordered, so it reads back identical. A `CoMention` takes 24 bytes and a list per
/// entity a heap block of its own.
struct CoMentionTable: Sendable {
    struct Entry: Sendable {
        var entity: Int32
        var count: Int32
    }

    /// Entity `e`'s entries are `entries[starts[e]..<starts[e + 1]]`, in the lists' order.
    private let starts: [Int32]
    private let entries: [Entry]
    /// Per entity, the articles it was counted in (an entity twice in one article counts twice).
    private let articleCounts: [Int32]
    private let articleTotal: Double

    /// - Parameters:
    ///   - pairs: the pair counts of entities `a < b` as `a << 32 | b`, each pair once.
    ///   - articleCounts: per entity, the articles it was counted in.
    ///   - articleTotal: the articles counted.
    ///   - kept: how many co-mentions to keep per entity.
    init<Pairs: Collection<(key: UInt64, count: Int32)>>(
        pairs: Pairs, articleCounts: [Int], articleTotal: Int, kept: Int
    ) {
        let counts = articleCounts.map { Int32(clamping: $0) }
        let total = Double(max(articleTotal, 1))
        let entityCount = articleCounts.count
        // Every pair in both entities' lists, in one transient array, then each list's top `kept`
        // copied into an exact-size one.
        var allStarts = [Int](repeating: 0, count: entityCount + 1)
        for (pair, _) in pairs {
            allStarts[Int(pair >> 32) + 1] += 1
            allStarts[Int(pair & 0xFFFF_FFFF) + 1] += 1
        }
        for entity in 0..<entityCount { allStarts[entity + 1] += allStarts[entity] }
        var all = [Entry](repeating: Entry(entity: 0, count: 0), count: allStarts[entityCount])
        var fill = allStarts
        for (pair, count) in pairs {
            let (a, b) = (Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
            all[fill[a]] = Entry(entity: Int32(b), count: count)
            fill[a] += 1
            all[fill[b]] = Entry(entity: Int32(a), count: count)
            fill[b] += 1
        }
        // Each list ordered and cut to `kept` on all cores, a range of entities per task, with
        // each entry's lift computed once rather than at every comparison.
        let ranges = stride(from: 0, to: entityCount, by: 4_096).map { $0..<min(entityCount, $0 + 4_096) }
        let pairsOfEntity = all
        let lists = Concurrently.map(ranges, chunk: 1) { [allStarts] range in
            var entries: [Entry] = []
            var ends: [Int] = []
            var ranked: [(entry: Entry, lift: Double)] = []
            for entity in range {
                ranked.removeAll(keepingCapacity: true)
                for entry in pairsOfEntity[allStarts[entity]..<allStarts[entity + 1]] {
                    ranked.append((entry, Self.lift(of: entity, entry, articleCounts: counts, total: total)))
                }
                ranked.sort { x, y in
                    if x.entry.count != y.entry.count { return x.entry.count > y.entry.count }
                    return x.lift != y.lift ? x.lift > y.lift : x.entry.entity < y.entry.entity
                }
                entries += ranked.prefix(kept).lazy.map(\.entry)
                ends.append(entries.count)
            }
            return (entries: entries, ends: ends)
        }
        var starts: [Int32] = [0]
        starts.reserveCapacity(entityCount + 1)
        var entries: [Entry] = []
        entries.reserveCapacity(lists.reduce(0) { $0 + $1.entries.count })
        for list in lists {
            let offset = entries.count
            entries += list.entries
            starts += list.ends.lazy.map { Int32(offset + $0) }
        }
        self.starts = starts
        self.entries = entries
        self.articleCounts = counts
        self.articleTotal = total
    }

    /// The first `limit` co-mentions of entity `entity` (fewer when it has fewer).
    func coMentions(of entity: Int, limit: Int) -> [CoMention] {
        let start = Int(starts[entity])
        let end = min(Int(starts[entity + 1]), start + max(0, limit))
        return entries[start..<end].map { entry in
            CoMention(
                entity: Int(entry.entity), count: Int(entry.count),
                lift: Self.lift(of: entity, entry, articleCounts: articleCounts, total: articleTotal))
        }
    }

    /// P(a, b) / (P(a) P(b)) over articles, rounded to thousandths.
    static func lift(of entity: Int, _ entry: Entry, articleCounts: [Int32], total: Double) -> Double {
        let lift =
            Double(entry.count) * total / (Double(articleCounts[entity]) * Double(articleCounts[Int(entry.entity)]))
        return (lift * 1000).rounded() / 1000
    }
}
