import Synchronization

/// The list summaries written most recently, in a fixed number of slots (as `RecordCache` keeps
/// records): a summary lives in slot `index % slotCount` until another article's summary takes it.
/// The pages clients read most (the first page, a source's latest) are answered by copying bytes,
/// as when every summary was rendered at load, while the cache holds about 2 MB instead of 42 at
/// 100,000 articles; any other page writes its 20 summaries (about half a microsecond each).
final class SummaryCache: Sendable {
    /// One summary as a JSON object.
    final class Entry: Sendable {
        let index: Int
        let json: [UInt8]

        init(index: Int, json: [UInt8]) {
            self.index = index
            self.json = json
        }
    }

    /// About 500 bytes each with the entry, so about 2 MB.
    static let defaultSlotCount = 4_096

    private let slots: Mutex<[Entry?]>

    init(slotCount: Int = defaultSlotCount) {
        slots = Mutex(Array(repeating: nil, count: max(1, slotCount)))
    }

    /// The summaries of articles `indexes`, in order; those not cached are written by `write`
    /// (outside the lock) and stored. One lock for the page's look-ups and one for its misses.
    func summaries(_ indexes: [Int], write: (Int) -> [UInt8]) -> [Entry] {
        var entries = slots.withLock { slots in
            indexes.map { index -> Entry? in
                slots[index % slots.count].flatMap { $0.index == index ? $0 : nil }
            }
        }
        var written: [Entry] = []
        for (position, index) in indexes.enumerated() where entries[position] == nil {
            let entry = Entry(index: index, json: write(index))
            entries[position] = entry
            written.append(entry)
        }
        if !written.isEmpty {
            slots.withLock { slots in for entry in written { slots[entry.index % slots.count] = entry } }
        }
        return entries.map { $0! }
    }

    /// Whether article `index`'s summary is cached (for tests).
    func holds(_ index: Int) -> Bool {
        slots.withLock { $0[index % $0.count]?.index == index }
    }
}
