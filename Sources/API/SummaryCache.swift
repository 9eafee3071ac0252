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
        /// Where the identity fields end in `json` (they start after the `{`).
        let identityEnd: Int

        init(index: Int, json: [UInt8], identityEnd: Int) {
            self.index = index
            self.json = json
            self.identityEnd = identityEnd
        }

        /// The identity fields (`ArticleJSON.identityFields`) without braces: what a search hit
        /// starts with.
        var identityMembers: ArraySlice<UInt8> { json[1..<identityEnd] }
    }

    /// About 500 bytes each with the entry, so about 2 MB.
    static let defaultSlotCount = 4_096

    private let slots: Mutex<[Entry?]>

    init(slotCount: Int = defaultSlotCount) {
        slots = Mutex(Array(repeating: nil, count: max(1, slotCount)))
    }

    /// The cached summaries of articles `indexes`, in order, nil where not cached: one lock for a
    /// page's look-ups.
    func summaries(_ indexes: [Int]) -> [Entry?] {
        slots.withLock { slots in
            indexes.map { index in slots[index % slots.count].flatMap { $0.index == index ? $0 : nil } }
        }
    }

    /// Keeps `entries`, each in its article's slot: one lock for a page's misses.
    func store(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        slots.withLock { slots in for entry in entries { slots[entry.index % slots.count] = entry } }
    }

    /// Whether article `index`'s summary is cached (for tests).
    func holds(_ index: Int) -> Bool {
        slots.withLock { $0[index % $0.count]?.index == index }
    }
}
