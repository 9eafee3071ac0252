import Dispatch
import Synchronization

/// Per frequent term, how many of its documents hold each value of every `FacetRows` column: the
/// facet counts of a one-word query without filters, part of the index like the postings they are
/// counted from. Tallying them per request was a third of such a query's time (35,000 matches,
/// three random reads each); `MatchCollector` copies them instead when a query's counts are exactly
/// these (`MatchCollector.presetTallies`).
///
/// Built once with the index, from the index alone, for every term whose postings reach
/// `minimumDocumentFrequency` (rarer terms are cheap to tally): not a cache of answers, nothing is
/// filled in by queries, and every query of such a word reads them whichever it was before.
struct TermFacetCounts: Sendable {
    static let minimumDocumentFrequency = 1024

    /// The terms with counts, ascending.
    let terms: [Int32]
    /// Per `FacetRows` column, its first slot among a term's `width` slots: one per value id, and
    /// one more for "no value" (the id the rows store for it).
    let columnStarts: [Int]
    let width: Int
    /// `counts[k * width + columnStarts[column] + value]`: documents of `terms[k]` holding `value`.
    let counts: [UInt32]

    init(postings: Postings, rows: FacetRows, columns: [KeywordColumn], concurrency: Int) {
        let sizes = rows.fields.map { columns[$0].values.count + 1 }
        let starts = sizes.indices.map { sizes[..<$0].reduce(0, +) }
        let width = sizes.reduce(0, +)
        let terms = postings.documentFrequencies.indices.filter {
            postings.documentFrequencies[$0] >= Self.minimumDocumentFrequency
        }.map(Int32.init)
        let partCount = max(1, min(concurrency * 2, terms.count / 64 + 1))
        let parts = Mutex<[[UInt32]]>(Array(repeating: [], count: partCount))
        DispatchQueue.concurrentPerform(iterations: partCount) { part in
            let range = (terms.count * part / partCount)..<(terms.count * (part + 1) / partCount)
            let counts = Self.counts(
                of: terms[range], postings: postings, rows: rows, columnStarts: starts, width: width)
            parts.withLock { $0[part] = counts }
        }
        var counts: [UInt32] = []
        counts.reserveCapacity(terms.count * width)
        for part in parts.withLock({ $0 }) { counts += part }
        self.terms = terms
        columnStarts = starts
        self.width = width
        self.counts = counts
    }

    /// The slots of `terms`, in order: every posting with a frequency in some field counts once.
    private static func counts(
        of terms: ArraySlice<Int32>, postings: Postings, rows: FacetRows, columnStarts: [Int], width: Int
    ) -> [UInt32] {
        var counts = [UInt32](repeating: 0, count: terms.count * width)
        let fieldCount = postings.fieldCount
        let rowWidth = rows.fields.count
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        postings.documents.withUnsafeBufferPointer { bytes in
            rows.bytes.withUnsafeBufferPointer { rowBytes in
                for (k, term) in terms.enumerated() {
                    var offset = postings.documentStarts[Int(term)]
                    let end = postings.documentStarts[Int(term) + 1]
                    var doc: Int32 = 0
                    while offset < end {
                        doc &+= Int32(bitPattern: VarInt.read(bytes, &offset))
                        FrequencyCode.read(bytes, &offset, into: &frequencies)
                        guard frequencies.contains(where: { $0 != 0 }) else { continue }
                        for column in 0..<rowWidth {
                            counts[k * width + columnStarts[column] + Int(rowBytes[Int(doc) * rowWidth + column])] += 1
                        }
                    }
                }
            }
        }
        return counts
    }

    /// Where `term`'s slots start in `counts`, or nil for a term without counts.
    func start(of term: Int32) -> Int? {
        terms.sortedIndex(of: term).map { $0 * width }
    }

    var byteCount: Int { terms.count * 4 + counts.count * 4 + columnStarts.count * 8 }
}
