import Synchronization

/// An entry kept in `IndexSlots`: it knows the article index it belongs to.
protocol IndexedEntry: AnyObject, Sendable {
    var index: Int { get }
}

/// Entries by article index in a fixed number of slots, behind one lock: entry `index` lives in
/// slot `index % count` until another index's entry takes it. Memory stays bounded however many
/// articles are read, while the ones of the moment are found again. `RecordCache` and
/// `SummaryCache` are built on it.
final class IndexSlots<Entry: IndexedEntry>: Sendable {
    private let slots: Mutex<[Entry?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: max(1, count)))
    }

    /// The entry of article `index`, if its slot holds it.
    func entry(_ index: Int) -> Entry? {
        slots.withLock { Self.entry(index, in: $0) }
    }

    /// The entries of articles `indexes`, in order, nil where not held: one lock for them all.
    func entries(_ indexes: [Int]) -> [Entry?] {
        slots.withLock { slots in indexes.map { Self.entry($0, in: slots) } }
    }

    /// Keeps `entries`, each in its article's slot: one lock for them all.
    func store(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        slots.withLock { slots in for entry in entries { slots[entry.index % slots.count] = entry } }
    }

    private static func entry(_ index: Int, in slots: [Entry?]) -> Entry? {
        slots[index % slots.count].flatMap { $0.index == index ? $0 : nil }
    }
}
