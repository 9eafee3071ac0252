/// The list summaries written most recently, in a fixed number of slots (as `RecordCache` keeps
/// records): a summary lives in slot `index % slotCount` until another article's summary takes it.
/// The pages clients read most (the first page, a source's latest) are answered by copying bytes,
/// as when every summary was rendered at load, while the cache holds about 2 MB instead of 42 at
/// 100,000 articles; any other page writes its 20 summaries (about half a microsecond each).
final class SummaryCache: Sendable {
    /// One summary as a JSON object.
    final class Entry: IndexedEntry {
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

    private let slots: IndexSlots<Entry>

    init(slotCount: Int = defaultSlotCount) {
        slots = IndexSlots(count: slotCount)
    }

    /// The cached summaries of articles `indexes`, in order, nil where not cached: one lock for a
    /// page's look-ups.
    func summaries(_ indexes: [Int]) -> [Entry?] { slots.entries(indexes) }

    /// Keeps `entries`, each in its article's slot: one lock for a page's misses.
    func store(_ entries: [Entry]) { slots.store(entries) }

    /// Whether article `index`'s summary is cached (for tests).
    func holds(_ index: Int) -> Bool { slots.entry(index) != nil }
}
