/// The small English stop list (the classic one of Lucene's English analyzer). It deliberately
/// leaves out "us", which would otherwise swallow "U.S.", and every word news searches need.
///
/// Dropping these keeps the largest postings lists out of the index; the analyzer still counts
/// their positions, so phrases keep their gaps.
enum StopWords {
    static let english: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
        "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
        "to", "was", "will", "with",
    ]

    /// Each stop word's bytes packed big-endian into an integer, sorted: a stop word's number is its
    /// rank here.
    private static let packed: [UInt64] = english.map { pack($0.utf8) }.sorted()

    /// The look-up every word the index builder reads goes through; a hot loop reads it once, not
    /// per word (each read of a global checks its lazy initialisation).
    static let table = Table(keys: packed, longest: english.map(\.utf8.count).max() ?? 0)

    /// A perfect hash of the packed stop words: `(key &* multiplier) >> shift` gives each its own
    /// slot (the others hold `.max`, which no key of at most `longest` bytes packs to), and `ranks`
    /// the stop word's number there: one multiply and one compare, where a binary search took five
    /// unpredictable branches.
    struct Table: Sendable {
        static let slotBits = 7
        private static let shift = UInt64(64 - slotBits)
        let multiplier: UInt64
        private let slots: [UInt64]
        private let ranks: [UInt8]
        private let longest: Int

        /// The first multiplier of a fixed odd sequence under which no two of `keys` share a slot;
        /// a key's number is its index in `keys`.
        init(keys: [UInt64], longest: Int) {
            // Equal keys share a slot under every multiplier: the search below would never end.
            precondition(Set(keys).count == keys.count, "stop words are distinct")
            var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            while true {
                var slots = [UInt64](repeating: .max, count: 1 << Self.slotBits)
                var ranks = [UInt8](repeating: 0, count: 1 << Self.slotBits)
                var perfect = true
                for (rank, key) in keys.enumerated() {
                    let slot = Int((key &* multiplier) >> Self.shift)
                    guard slots[slot] == .max else {
                        perfect = false
                        break
                    }
                    slots[slot] = key
                    ranks[slot] = UInt8(rank)
                }
                if perfect {
                    (self.multiplier, self.slots, self.ranks, self.longest) = (multiplier, slots, ranks, longest)
                    return
                }
                multiplier = multiplier &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 | 1
            }
        }

        /// The term's number among the stop words, or nil when it is not one.
        @inline(__always)
        func index(of term: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !term.isEmpty, term.count <= longest else { return nil }
            let key = StopWords.pack(term)
            let slot = Int((key &* multiplier) >> Self.shift)
            return slots[slot] == key ? Int(ranks[slot]) : nil
        }
    }

    @inline(__always)
    static func pack(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    @inline(__always)
    static func contains(_ term: UnsafeBufferPointer<UInt8>) -> Bool { index(of: term) != nil }

    /// The term's number among the stop words (its rank in the packed words' order), or nil when it
    /// is not a stop word.
    @inline(__always)
    static func index(of term: UnsafeBufferPointer<UInt8>) -> Int? { table.index(of: term) }
}
