/// The k entries with the smallest (key, doc), kept in a binary max-heap so each insert is O(log k)
/// and most inserts, worse than the current k-th, are one comparison.
struct TopK {
    struct Entry {
        var key: UInt64
        var doc: Int32
        var score: Float
    }

    let capacity: Int
    private var heap: [Entry] = []
    /// The entry a newcomer must precede to get in: the heap's worst once it is full, and until
    /// then a bound every real entry precedes (keys reach `.max`, documents never `Int32.max`).
    /// Kept beside the heap so the test most matches fail reads no array.
    private var boundKey: UInt64 = .max
    private var boundDoc: Int32 = .max

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(min(capacity, 4096))
        if capacity == 0 { (boundKey, boundDoc) = (0, .min) }
    }

    @inline(__always)
    private static func worse(_ a: Entry, _ b: Entry) -> Bool {
        SearchCursor.precedes((b.key, b.doc), (a.key, a.doc))
    }

    /// The score of the worst entry once the heap is full: a newcomer must score more (under
    /// relevance, where ties go to the earlier document and newcomers come in document order).
    var worstScore: Float? { heap.count == capacity && capacity > 0 ? heap[0].score : nil }

    /// Whether an entry with this key and document would be kept: inlined into the caller's loop,
    /// where most matches of a long list fail it.
    @inline(__always)
    func admits(key: UInt64, doc: Int32) -> Bool {
        SearchCursor.precedes((key, doc), (boundKey, boundDoc))
    }

    @inline(__always)
    mutating func insert(key: UInt64, doc: Int32, score: Float) {
        guard admits(key: key, doc: doc) else { return }
        add(Entry(key: key, doc: doc, score: score))
    }

    private mutating func add(_ entry: Entry) {
        if heap.count < capacity {
            push(entry)
        } else {
            replaceWorst(with: entry)
        }
        if heap.count == capacity { (boundKey, boundDoc) = (heap[0].key, heap[0].doc) }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.worse(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func replaceWorst(with entry: Entry) {
        heap[0] = entry
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            var largest = left
            if left + 1 < heap.count, Self.worse(heap[left + 1], heap[left]) { largest = left + 1 }
            guard Self.worse(heap[largest], heap[parent]) else { break }
            heap.swapAt(largest, parent)
            parent = largest
        }
    }

    /// The entries best first.
    func sorted() -> [Entry] {
        heap.sorted { SearchCursor.precedes(($0.key, $0.doc), ($1.key, $1.doc)) }
    }
}
