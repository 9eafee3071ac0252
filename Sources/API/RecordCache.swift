import Synchronization

/// The article records rendered most recently, in a fixed number of slots split among the event
/// loops: a record lives in its loop's slot `index % slots` until another article's record takes
/// that slot. Memory stays bounded (`slotCount` records and the gzips asked for) however many
/// articles are read, while the hot articles of the moment are answered without rendering and
/// their gzip is made once per loop.
///
/// Each loop has a shard of its own, so the loops never wait on each other: with one shared lock,
/// a loop descheduled while holding it (two cores, shared with the load generator) stalled the
/// other loop's requests for a time slice, and every hit moved the lock's and the entry's cache
/// lines between cores. A shard still takes its (uncontended) lock, so a caller on another thread
/// giving the same loop index stays correct.
final class RecordCache: Sendable {
    /// One rendered record and its gzip, made when a client first asks for it gzipped.
    final class Entry: Sendable {
        let index: Int
        let body: [UInt8]
        let gzip = LazyGzip()

        init(index: Int, body: [UInt8]) {
            self.index = index
            self.body = body
        }
    }

    /// About 8 KB each with the gzip, so at most about 16 MB.
    static let defaultSlotCount = 2_048

    /// One loop's slots, padded so that two shards' locks never share a cache line.
    private final class Shard: Sendable {
        let slots: Mutex<[Entry?]>
        private let padding: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)

        init(slotCount: Int) { slots = Mutex(Array(repeating: nil, count: slotCount)) }
    }

    private let shards: [Shard]

    /// - Parameters:
    ///   - slotCount: records kept in all, split evenly among the loops (at least one each).
    ///   - loopCount: the event loops; a loop index past it shares a shard.
    init(slotCount: Int = defaultSlotCount, loopCount: Int = 1) {
        let loops = max(1, loopCount)
        shards = (0..<loops).map { _ in Shard(slotCount: max(1, slotCount / loops)) }
    }

    /// The record of article `index` for event loop `loop`, rendered by `render` (outside the
    /// lock) when that loop has not cached it.
    func record(_ index: Int, loop: Int = 0, render: () -> [UInt8]) -> Entry {
        let shard = shards[loop % shards.count]
        if let entry = shard.slots.withLock({ $0[index % $0.count] }), entry.index == index { return entry }
        let entry = Entry(index: index, body: render())
        shard.slots.withLock { $0[index % $0.count] = entry }
        return entry
    }

    /// Whether article `index`'s record is cached for loop `loop` (for tests).
    func holds(_ index: Int, loop: Int = 0) -> Bool {
        let shard = shards[loop % shards.count]
        return shard.slots.withLock { $0[index % $0.count]?.index == index }
    }
}
