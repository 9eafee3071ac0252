/// The surface forms of indexed words (lower-cased, unstemmed), sorted, each with its stemmed term
/// and occurrence count: suggestions show words people type, prefix and typo expansion start from
/// what people type, and `preferredSurface` names each term by its most frequent surface form.
struct Vocabulary: Sendable {
    let surfaces: [String]
    let surfaceTerms: [Int32]
    let surfaceCounts: [UInt32]
    /// Per term id: the index in `surfaces` of its most frequent surface form, or -1.
    let preferredSurface: [Int32]

    init(counts: [String: (term: Int32, count: UInt32)], termCount: Int) {
        let sorted = counts.keys.sorted()
        surfaces = sorted
        var terms: [Int32] = []
        var occurrences: [UInt32] = []
        terms.reserveCapacity(sorted.count)
        occurrences.reserveCapacity(sorted.count)
        var preferred = [Int32](repeating: -1, count: termCount)
        for (index, surface) in sorted.enumerated() {
            let entry = counts[surface]!
            terms.append(entry.term)
            occurrences.append(entry.count)
            let current = preferred[Int(entry.term)]
            if current < 0 || occurrences[Int(current)] < entry.count { preferred[Int(entry.term)] = Int32(index) }
        }
        surfaceTerms = terms
        surfaceCounts = occurrences
        preferredSurface = preferred
    }

    func range(withPrefix prefix: String) -> Range<Int> { TermDictionary.prefixRange(prefix, in: surfaces) }

    var byteCount: Int {
        surfaces.reduce(0) { $0 + max(16, $1.utf8.count) } + surfaces.count * 8 + preferredSurface.count * 4
    }
}
