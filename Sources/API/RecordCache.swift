/// The article records rendered most recently, in a fixed number of slots: a record lives in slot
/// `index % slotCount` until another article's record takes that slot. Memory stays bounded
/// (`slotCount` records and the gzips asked for) however many articles are read, while the hot
/// articles of the moment are answered without rendering and their gzip is made once.
final class RecordCache: Sendable {
    /// One rendered record and its gzip, made when a client first asks for it gzipped.
    final class Entry: IndexedEntry {
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

    private let slots: IndexSlots<Entry>

    init(slotCount: Int = defaultSlotCount) {
        slots = IndexSlots(count: slotCount)
    }

    /// The record of article `index`, rendered by `render` (outside the lock) when not cached.
    func record(_ index: Int, render: () -> [UInt8]) -> Entry {
        if let entry = slots.entry(index) { return entry }
        let entry = Entry(index: index, body: render())
        slots.store([entry])
        return entry
    }

    /// Whether article `index`'s record is cached (for tests).
    func holds(_ index: Int) -> Bool { slots.entry(index) != nil }
}
