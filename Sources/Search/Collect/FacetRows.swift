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
    }

    var byteCount: Int { bytes.count }
}
