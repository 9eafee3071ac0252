/// A byte per document and text field standing for an upper bound of its norm (Lucene keeps a
/// byte per document too, but lossy, as the norm itself; here the exact `Float` norms stay and the
/// byte only bounds them). A one-term query decodes each match's frequencies, bounds its BM25F
/// weight from these bytes (a quarter of the memory the exact norms take, through a table that
/// stays in the first-level cache) and reads the exact norms and divides only for the matches
/// whose bound can still beat the current top k's worst.
///
/// Per field, the distinct norms in ascending order are cut into at most 255 consecutive groups
/// (a zero norm, of a field no document has text in, always alone in group 0, so a bound is zero
/// exactly when the norm is); a group's bound is its largest norm. With 255 distinct norms or
/// fewer, each has its own code and the bounds are exact.
struct NormBounds: Sendable {
    static let codesPerField = 256

    /// False when some norm is negative or not finite (a schema with a negative weight): the
    /// bounds then prove nothing and are not used.
    let isUsable: Bool
    /// `codes[doc * fieldCount + field]`.
    let codes: [UInt8]
    /// `bounds[field * codesPerField + code]`: the largest norm of the group.
    let bounds: [Float]

    /// - Parameter norms: `norms[doc * fieldCount + field]`, as `SearchIndex` keeps them.
    init(norms: [Float], fieldCount: Int) {
        isUsable = norms.allSatisfy { $0.isFinite && $0 >= 0 }
        var codes = [UInt8](repeating: 0, count: norms.count)
        var bounds = [Float](repeating: 0, count: fieldCount * Self.codesPerField)
        guard fieldCount > 0 else {
            (self.codes, self.bounds) = (codes, bounds)
            return
        }
        let documentCount = norms.count / fieldCount
        for field in 0..<fieldCount {
            var distinct = Set<Float>()
            for doc in 0..<documentCount { distinct.insert(norms[doc * fieldCount + field]) }
            let positive = distinct.filter { $0 > 0 }.sorted()
            // Group 0 holds zero (and only zero); the positive norms share codes 1...255.
            let groupCount = Self.codesPerField - 1
            var codeOf: [Float: UInt8] = [0: 0]
            for (rank, value) in positive.enumerated() {
                let group = positive.count <= groupCount ? rank : rank * groupCount / positive.count
                let code = UInt8(group + 1)
                codeOf[value] = code
                bounds[field * Self.codesPerField + Int(code)] = max(
                    bounds[field * Self.codesPerField + Int(code)], value)
            }
            for doc in 0..<documentCount {
                codes[doc * fieldCount + field] = codeOf[norms[doc * fieldCount + field]] ?? 0
            }
        }
        self.codes = codes
        self.bounds = bounds
    }

    var byteCount: Int { codes.count + bounds.count * 4 }
}
