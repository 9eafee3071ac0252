/// Every term's postings in two byte streams, both delta + varint encoded.
///
/// - `documents`: per document holding the term, the doc id delta then the term frequency in each
///   text field (schema order; zero where absent), packed in one byte when they fit
///   (`FrequencyCode`). Scoring reads only this stream.
/// - `positions`: per document, per text field with a non-zero frequency, that many position deltas
///   (restarting at zero for each field). Only phrase queries read it.
struct Postings: Sendable {
    let documents: [UInt8]
    let documentStarts: [Int]
    let positions: [UInt8]
    let positionStarts: [Int]
    let documentFrequencies: [UInt32]
    let fieldCount: Int
    /// Per occurrence, which folded form of its term it was, and where the stop words stand: read
    /// only by exact phrases. `IndexBuilder` sets it after merging the postings.
    var exactForms = ExactForms.empty

    /// The positions of `term` in each of `candidates` (sorted ascending), per field: for candidate
    /// `i`, `result[i][field]` lists positions in ascending order; empty when absent.
    func positions(of term: Int32, in candidates: [Int32]) -> [[[UInt32]]] {
        var result = [[[UInt32]]](repeating: [], count: candidates.count)
        guard !candidates.isEmpty else { return result }
        var next = 0
        let fields = fieldCount
        documents.withUnsafeBufferPointer { bytes in
            positions.withUnsafeBufferPointer { positionBytes in
                var offset = documentStarts[Int(term)]
                let end = documentStarts[Int(term) + 1]
                var positionOffset = positionStarts[Int(term)]
                var doc: Int32 = 0
                var frequencies = [UInt32](repeating: 0, count: fields)
                while offset < end, next < candidates.count {
                    doc &+= Int32(bitPattern: VarInt.read(bytes, &offset))
                    FrequencyCode.read(bytes, &offset, into: &frequencies)
                    let total = frequencies.reduce(0) { $0 + Int($1) }
                    while next < candidates.count, candidates[next] < doc { next += 1 }
                    guard next < candidates.count, candidates[next] == doc else {
                        VarInt.skip(total, in: positionBytes, &positionOffset)
                        continue
                    }
                    var perField: [[UInt32]] = []
                    perField.reserveCapacity(fields)
                    for field in 0..<fields {
                        var list: [UInt32] = []
                        list.reserveCapacity(Int(frequencies[field]))
                        var position: UInt32 = 0
                        for _ in 0..<frequencies[field] {
                            position &+= VarInt.read(positionBytes, &positionOffset)
                            list.append(position)
                        }
                        perField.append(list)
                    }
                    result[next] = perField
                    next += 1
                }
            }
        }
        return result
    }

    /// Bytes held, for the memory figure.
    var byteCount: Int {
        documents.count + positions.count + (documentStarts.count + positionStarts.count) * 8
            + documentFrequencies.count * 4 + exactForms.byteCount
    }
}
