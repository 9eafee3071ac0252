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

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(min(capacity, 4096))
    }

    @inline(__always)
    private static func worse(_ a: Entry, _ b: Entry) -> Bool {
        SearchCursor.precedes((b.key, b.doc), (a.key, a.doc))
    }

    /// Most entries of a long match list lose to a full heap's worst: that test is inlined into the
    /// caller's loop, the heap work is not.
    @inline(__always)
    mutating func insert(key: UInt64, doc: Int32, score: Float) {
        let entry = Entry(key: key, doc: doc, score: score)
        if heap.count < capacity {
            push(entry)
        } else if capacity > 0, Self.worse(heap[0], entry) {
            replaceWorst(with: entry)
        }
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
