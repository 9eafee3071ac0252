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

    /// Each stop word's bytes packed big-endian into an integer, sorted: the hot path tests a term
    /// with a binary search on integers, without building a `String`.
    private static let packed: [UInt64] = english.map { pack($0.utf8) }.sorted()
    private static let longest = english.map(\.utf8.count).max() ?? 0

    @inline(__always)
    private static func pack(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    @inline(__always)
    static func contains(_ term: UnsafeBufferPointer<UInt8>) -> Bool { index(of: term) != nil }

    /// The term's number among the stop words (their rank in `packed`'s order), or nil when it is
    /// not a stop word.
    @inline(__always)
    static func index(of term: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !term.isEmpty, term.count <= longest else { return nil }
        let key = pack(term)
        var low = 0
        var high = packed.count
        while low < high {
            let middle = (low + high) / 2
            if packed[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < packed.count && packed[low] == key ? low : nil
    }
}
