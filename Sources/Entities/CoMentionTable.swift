/// Per entity, its top co-mentioned entities, in one flat array of 16-byte entries: a `CoMention`
/// takes 24 and an array per entity its own heap block (at 100,000 articles, over 100,000 lists).
struct CoMentionTable: Sendable {
    private struct Entry: Sendable {
        var entity: Int32
        var count: Int32
        var lift: Double
    }

    /// Entity `e`'s entries are `entries[starts[e]..<starts[e + 1]]`, in the lists' order.
    private let starts: [Int32]
    private let entries: [Entry]

    init(_ lists: [[CoMention]]) {
        var starts: [Int32] = [0]
        var entries: [Entry] = []
        starts.reserveCapacity(lists.count + 1)
        entries.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            for mention in list {
                entries.append(Entry(entity: Int32(mention.entity), count: Int32(mention.count), lift: mention.lift))
            }
            starts.append(Int32(entries.count))
        }
        self.starts = starts
        self.entries = entries
    }

    /// The first `limit` co-mentions of entity `entity` (fewer when it has fewer).
    func coMentions(of entity: Int, limit: Int) -> [CoMention] {
        let start = Int(starts[entity])
        let end = min(Int(starts[entity + 1]), start + max(0, limit))
        return entries[start..<end].map { CoMention(entity: Int($0.entity), count: Int($0.count), lift: $0.lift) }
    }
}
