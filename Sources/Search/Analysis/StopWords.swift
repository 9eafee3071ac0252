/// The small English stop list (the classic one of Lucene's English analyzer). It deliberately
/// leaves out "us", which would otherwise swallow "U.S.", and every word news searches need.
///
/// Dropping these keeps the largest postings lists out of the index; the analyzer still counts
/// their positions, so phrases keep their gaps.
enum StopWords {
    static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
        "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
        "to", "was", "will", "with",
    ]

    /// Byte-level test so the hot path checks a term before building a `String` for it.
    @inline(__always)
    static func contains(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard term.count >= 1, term.count <= 5 else { return false }
        return english.contains(String(decoding: term, as: UTF8.self))
    }
}
