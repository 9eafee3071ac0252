/// Walks one term's postings for an exact phrase a document at a time: positions per field and,
/// when the phrase wants one form of the term, each position's form ordinal (`ExactForms`), read
/// only for the documents asked for.
struct ExactPhraseCursor {
    private var postings: PostingsCursor
    /// The ordinal the phrase wants at this term's place, or nil for any occurrence.
    let wanted: UInt32?
    /// Where the term's ordinals start in the stream, and their width in bits.
    private let formStart: Int
    private let formWidth: Int
    /// The term's occurrences before the current document's, counted as documents are passed over.
    private var formIndex = 0
    private var currentRead = false

    init(postings: Postings, term: Int32, wanted: UInt32?) {
        self.postings = PostingsCursor(postings: postings, term: term)
        self.wanted = wanted
        formStart = wanted == nil ? 0 : Int(postings.exactForms.streamStarts[Int(term)])
        formWidth = wanted == nil ? 0 : postings.exactForms.ordinalWidth(of: term)
    }

    var doc: Int32 { postings.doc }

    /// Moves to the first document at or after `target`; false when there is none.
    mutating func advance(
        to target: Int32, _ documents: UnsafeBufferPointer<UInt8>, _ positions: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard wanted != nil else { return postings.advance(to: target, documents, positions) }
        while postings.doc < target {
            if postings.doc >= 0, !currentRead { formIndex += postings.frequencies.reduce(0) { $0 + Int($1) } }
            currentRead = false
            if !postings.next(documents, positions) { return false }
        }
        return true
    }

    /// The current document's positions per field into `positions` and, when a form is wanted,
    /// whether each one is that form into `isWanted` (both one array per field, replaced).
    mutating func read(
        positions buffers: inout [[UInt32]], isWanted: inout [[Bool]], _ positions: UnsafeBufferPointer<UInt8>,
        _ forms: UnsafeBufferPointer<UInt8>
    ) {
        postings.readPositions(into: &buffers, positions)
        guard let wanted else { return }
        for field in buffers.indices {
            isWanted[field].removeAll(keepingCapacity: true)
            for _ in 0..<buffers[field].count {
                let ordinal = ExactForms.ordinal(at: formIndex, in: forms, start: formStart, width: formWidth)
                isWanted[field].append(ordinal == wanted)
                formIndex += 1
            }
        }
        currentRead = true
    }
}
