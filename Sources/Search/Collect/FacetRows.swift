/// The value ids of the small single-valued keyword columns (fewer than 255 values: source,
/// category, month), a byte each, side by side in one row per document. Counting the default
/// facets over a long match list then reads one stream of three bytes per document instead of
/// three streams of two: the pass over 35,000 matches of 100,000 documents touches nearly every
/// cache line of whatever it reads, so its cost follows the bytes per document.
struct FacetRows: Sendable {
    /// The keyword fields in a row, in schema order.
    let fields: [Int]
    /// `bytes[doc * fields.count + k]`: the value id of `fields[k]` (the value count for none).
    let bytes: [UInt8]
    /// Per field of `fields`, per value id, the value's place among the field's values in `String`
    /// order (ties by id; `KeywordValues` merges canonically equal strings, so none are expected):
    /// facet values of equal counts
    /// are ordered by these numbers instead of by comparing their strings.
    let ranks: [[UInt8]]

    init(columns: [KeywordColumn]) {
        let fields = columns.indices.filter { columns[$0].singleValues != nil && columns[$0].values.count < 255 }
        let perDocument = fields.map { columns[$0].singleValues ?? [] }
        let documentCount = perDocument.first?.count ?? 0
        var bytes = [UInt8](repeating: 0, count: documentCount * fields.count)
        for (k, values) in perDocument.enumerated() {
            for doc in 0..<documentCount { bytes[doc * fields.count + k] = UInt8(values[doc]) }
        }
        self.fields = fields
        self.bytes = bytes
        ranks = fields.map { field in
            let values = columns[field].values
            let order = values.indices.sorted { values[$0] < values[$1] || !(values[$1] < values[$0]) && $0 < $1 }
            var ranks = [UInt8](repeating: 0, count: values.count)
            for (rank, id) in order.enumerated() { ranks[id] = UInt8(rank) }
            return ranks
        }
    }

    /// The value ids of `field` with a count, by count (descending) then value (ascending), the
    /// first `limit` of them; nil when `field` is not in the rows.
    func orderedValues(of field: Int, counts: [Int], limit: Int) -> [Int]? {
        guard let position = fields.firstIndex(of: field) else { return nil }
        let ranks = ranks[position]
        // One integer per value: the count, then the rank reversed, then the id riding along.
        var keys: [UInt64] = []
        for (id, count) in counts.enumerated() where count > 0 {
            keys.append(UInt64(count) << 16 | UInt64(255 - ranks[id]) << 8 | UInt64(id))
        }
        keys.sort(by: >)
        return keys.prefix(limit).map { Int($0 & 0xff) }
    }

    var byteCount: Int { bytes.count + ranks.reduce(0) { $0 + $1.count } }
}
