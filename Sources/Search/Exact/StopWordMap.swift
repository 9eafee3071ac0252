/// Which stop word stands at each position of each document's fields, for quoted phrases: "Bank of
/// England" must have the "of". The index leaves stop words out of its terms (they would be the
/// longest postings lists), so an exact phrase finds its candidates through its other words and
/// checks its stop words here in constant time per place.
///
/// Per document and text field (a slot, `doc * fieldCount + field`), a bitmap of its positions up
/// to its last stop word, in 64-bit words, a bit set where a stop word stands; the stop words' bytes
/// (1 + the stop word's number in `StopWords.index(of:)`) in position order, one per set bit; and
/// per bitmap word the number of stop words before it. The stop word at a position is the byte at
/// that rank plus the set bits below it in its word: 12 bytes per 64 positions and one per stop word,
/// where a byte per position took 2.1 times as much on news text (29 % of positions are stop words).
struct StopWordMap: Sendable {
    /// The bitmaps of every slot, one after the other.
    let words: [UInt64]
    /// Per bitmap word, the stop words of all the words before it (its first stop word's index in `bytes`).
    let ranks: [UInt32]
    /// Per stop word, in slot then position order, 1 + its number.
    let bytes: [UInt8]
    /// Per slot, its first word in `words`; one more at the end.
    let starts: [UInt32]

    /// Written document by document, field by field, positions ascending within a field: one
    /// segment's stop words, which `StopWordMap(concatenating:)` joins.
    struct Builder {
        fileprivate var words: [UInt64] = []
        fileprivate var ranks: [UInt32] = []
        fileprivate var bytes: [UInt8] = []
        fileprivate var starts: [UInt32] = [0]
        /// The current field's last position set, -1 before its first.
        private var last = -1

        /// Sets stop word `word` (its number) at `position` of the current field (the field after
        /// the last one ended). Positions come ascending; a position not after the last one set
        /// is left out (an analyzer gives each single-position word a position of its own).
        @inline(__always)
        mutating func set(_ word: UInt8, at position: Int) {
            guard position > last else { return }
            last = position
            let index = Int(starts[starts.count - 1]) + position >> 6
            while words.count <= index {
                words.append(0)
                ranks.append(UInt32(bytes.count))
            }
            words[index] |= 1 << UInt64(position & 63)
            bytes.append(word + 1)
        }

        /// Ends the current field: the next `set` writes the next field (of this document or the next).
        mutating func endField() {
            starts.append(UInt32(words.count))
            last = -1
        }

        /// The fields ended so far, over all documents.
        var fieldCount: Int { starts.count - 1 }
    }

    init() {
        words = []
        ranks = []
        bytes = []
        starts = [0]
    }

    /// The segments' documents, in order, in arrays of exactly their size.
    init(concatenating parts: [Builder]) {
        var words: [UInt64] = []
        var ranks: [UInt32] = []
        var bytes: [UInt8] = []
        var starts: [UInt32] = [0]
        words.reserveCapacity(parts.reduce(0) { $0 + $1.words.count })
        ranks.reserveCapacity(parts.reduce(0) { $0 + $1.ranks.count })
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        starts.reserveCapacity(parts.reduce(1) { $0 + $1.starts.count - 1 })
        for part in parts {
            let wordBase = UInt32(words.count)
            let byteBase = UInt32(bytes.count)
            words += part.words
            ranks += part.ranks.lazy.map { $0 + byteBase }
            bytes += part.bytes
            starts += part.starts.dropFirst().lazy.map { $0 + wordBase }
        }
        self.words = words
        self.ranks = ranks
        self.bytes = bytes
        self.starts = starts
    }

    /// Calls `body` with a reader of the map's arrays.
    func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        words.withUnsafeBufferPointer { words in
            ranks.withUnsafeBufferPointer { ranks in
                bytes.withUnsafeBufferPointer { bytes in
                    starts.withUnsafeBufferPointer { starts in
                        body(Reader(words: words, ranks: ranks, bytes: bytes, starts: starts))
                    }
                }
            }
        }
    }

    /// Raw views of the map's arrays, valid only inside `withReader`'s closure: never store one.
    struct Reader {
        let words: UnsafeBufferPointer<UInt64>
        let ranks: UnsafeBufferPointer<UInt32>
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<UInt32>

        /// The stop words of one document's field: `slot` is `doc * fieldCount + field`.
        @inline(__always)
        func field(slot: Int) -> Field {
            let first = Int(starts[slot])
            return Field(
                words: words.baseAddress.unsafelyUnwrapped + first, ranks: ranks.baseAddress.unsafelyUnwrapped + first,
                bytes: bytes.baseAddress.unsafelyUnwrapped, wordCount: Int(starts[slot + 1]) - first)
        }
    }

    /// One document's field: the stop word at each of its positions.
    struct Field {
        let words: UnsafePointer<UInt64>
        let ranks: UnsafePointer<UInt32>
        let bytes: UnsafePointer<UInt8>
        let wordCount: Int

        /// 1 + the number of the stop word at `position`, or 0 where none stands (a word that is
        /// not a stop word, or a position before the field or past its last stop word).
        @inline(__always)
        func byte(at position: Int) -> UInt8 {
            let index = position >> 6
            guard position >= 0, index < wordCount else { return 0 }
            let word = words[index]
            let bit: UInt64 = 1 << UInt64(position & 63)
            guard word & bit != 0 else { return 0 }
            return bytes[Int(ranks[index]) + (word & (bit &- 1)).nonzeroBitCount]
        }

        /// Calls `body` with each position holding a stop word, ascending.
        func forEachStopWordPosition(_ body: (Int) -> Void) {
            for index in 0..<wordCount {
                var word = words[index]
                while word != 0 {
                    body(index << 6 + word.trailingZeroBitCount)
                    word &= word &- 1
                }
            }
        }
    }

    var byteCount: Int { words.count * 8 + ranks.count * 4 + bytes.count + starts.count * 4 }
}
