/// Walks one term's postings a document at a time, reading positions only for the documents asked
/// for: what phrase matching needs to intersect several terms without decoding everything.
struct PostingsCursor {
    private var offset: Int
    private let end: Int
    private var positionOffset: Int
    private var unreadPositions = 0
    private var previous: Int32 = 0
    /// The current document: -1 before the first `next`, `.max` after the last.
    private(set) var doc: Int32 = -1
    private(set) var frequencies: [UInt32]

    init(postings: Postings, term: Int32) {
        offset = postings.documentStarts[Int(term)]
        end = postings.documentStarts[Int(term) + 1]
        positionOffset = postings.positionStarts[Int(term)]
        frequencies = Array(repeating: 0, count: postings.fieldCount)
    }

    /// Moves to the next document; false when there is none.
    mutating func next(_ documents: UnsafeBufferPointer<UInt8>, _ positions: UnsafeBufferPointer<UInt8>) -> Bool {
        if unreadPositions > 0 {
            VarInt.skip(unreadPositions, in: positions, &positionOffset)
            unreadPositions = 0
        }
        guard offset < end else {
            doc = .max
            return false
        }
        var offset = self.offset
        previous &+= Int32(bitPattern: VarInt.read(documents, &offset))
        doc = previous
        FrequencyCode.read(documents, &offset, into: &frequencies)
        self.offset = offset
        for frequency in frequencies { unreadPositions += Int(frequency) }
        return true
    }

    /// Moves to the first document at or after `target`; false when there is none.
    mutating func advance(
        to target: Int32, _ documents: UnsafeBufferPointer<UInt8>, _ positions: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        while doc < target {
            if !next(documents, positions) { return false }
        }
        return true
    }

    /// The current document's positions, per field, into `buffers` (one per field, replaced).
    mutating func readPositions(into buffers: inout [[UInt32]], _ positions: UnsafeBufferPointer<UInt8>) {
        for field in frequencies.indices {
            buffers[field].removeAll(keepingCapacity: true)
            var position: UInt32 = 0
            for _ in 0..<frequencies[field] {
                position &+= VarInt.read(positions, &positionOffset)
                buffers[field].append(position)
            }
        }
        unreadPositions = 0
    }
}
