/// The sorted vocabulary of indexed terms: hash lookup for exact terms, binary search for ranges
/// (prefix queries, fuzzy candidates). Term ids are ranks in sorted order.
struct TermDictionary: Sendable {
    let terms: [String]
    private let ids: [String: Int32]

    init(sortedTerms: [String]) {
        terms = sortedTerms
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(sortedTerms.count)
        for (id, term) in sortedTerms.enumerated() { ids[term] = Int32(id) }
        self.ids = ids
    }

    var count: Int { terms.count }

    func id(of term: String) -> Int32? { ids[term] }

    /// Ids of every term starting with `prefix`: a contiguous range because terms are sorted.
    func range(withPrefix prefix: String) -> Range<Int> {
        Self.prefixRange(prefix, in: terms)
    }

    static func prefixRange(_ prefix: String, in sorted: [String]) -> Range<Int> {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < sorted.count, sorted[end].hasPrefix(prefix) { end += 1 }
        return low..<end
    }
}
