import Dispatch
import Synchronization

/// Per term, per block of `blockSize` consecutive postings, the largest BM25F weight (tf' over
/// every text field) a posting of the block has. A one-word query must still visit every match
/// for its exact total and facet counts, but a block whose bound cannot beat the top k's worst
/// needs no score: `MatchCollector` then only decodes its document ids, tallies and counts them.
///
/// A weight over some of the fields is at most the weight over all of them (norms are not
/// negative, and rounded float sums of non-negative terms only grow with more terms), so one bound
/// per block serves field-restricted queries too. Bounds are kept as the high half of the float's
/// bits rounded up (a bfloat16): 2 bytes a block, at most 0.8 % above the exact maximum.
struct BlockBounds: Sendable {
    static let blockSize = 32

    /// `starts[term]..<starts[term + 1]`: the term's blocks in `maxima`.
    let starts: [UInt32]
    /// Per block, its bound's bit pattern (see `bound(_:)`).
    let maxima: [UInt16]
    /// Per block, its last document: the base a skipped block leaves for the next one's deltas.
    let lastDocuments: [Int32]
    /// Per block, the offset in `Postings.documents` just past its last posting: where a block whose
    /// matches need neither scores nor ids (only counted) is stepped over to, undecoded. Four bytes
    /// (`init` requires the stream to be under 4 GiB), not eight: 1.9 MB less at 100,000 articles.
    let ends: [UInt32]
    /// False when the bounds prove nothing or a posting can lack weight where it has a frequency (a
    /// negative, infinite or zero norm beside a non-zero frequency, as with a zero field weight), or
    /// a posting has no frequency at all: the collector then scores every posting. Counting a
    /// skipped block's size as its matches, and `TermFacetCounts`, rely on every posting weighing.
    let isUsable: Bool

    /// - Parameter normsUsable: whether every norm is finite and not negative (`NormBounds.isUsable`).
    init(postings: Postings, norms: [Float], normsUsable: Bool, concurrency: Int) {
        precondition(postings.documents.count <= UInt32.max, "block ends are 32-bit offsets")
        let fieldCount = postings.fieldCount
        let termCount = postings.documentFrequencies.count
        var starts = [UInt32](repeating: 0, count: termCount + 1)
        for term in 0..<termCount {
            let blocks = (Int(postings.documentFrequencies[term]) + Self.blockSize - 1) / Self.blockSize
            starts[term + 1] = starts[term] + UInt32(blocks)
        }
        let partCount = max(1, min(concurrency * 2, termCount / 1024 + 1))
        let parts = Mutex<[Blocks]>(Array(repeating: Blocks(), count: partCount))
        DispatchQueue.concurrentPerform(iterations: partCount) { part in
            let terms = (termCount * part / partCount)..<(termCount * (part + 1) / partCount)
            let result = Self.blocks(of: terms, postings: postings, norms: norms, fieldCount: fieldCount)
            parts.withLock { $0[part] = result }
        }
        var blocks = Blocks()
        blocks.maxima.reserveCapacity(Int(starts[termCount]))
        blocks.lastDocuments.reserveCapacity(Int(starts[termCount]))
        blocks.ends.reserveCapacity(Int(starts[termCount]))
        blocks.usable = normsUsable
        for part in parts.withLock({ $0 }) {
            blocks.maxima += part.maxima
            blocks.lastDocuments += part.lastDocuments
            blocks.ends += part.ends
            blocks.usable = blocks.usable && part.usable
        }
        self.starts = starts
        maxima = blocks.maxima
        lastDocuments = blocks.lastDocuments
        ends = blocks.ends
        isUsable = blocks.usable
    }

    /// The blocks of a range of terms, in order (bound, last document, end), and whether every
    /// frequency there has weight.
    private struct Blocks {
        var maxima: [UInt16] = []
        var lastDocuments: [Int32] = []
        var ends: [UInt32] = []
        var usable = true
    }

    private static func blocks(of terms: Range<Int>, postings: Postings, norms: [Float], fieldCount: Int) -> Blocks {
        var blocks = Blocks()
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        postings.documents.withUnsafeBufferPointer { bytes in
            norms.withUnsafeBufferPointer { norms in
                for term in terms {
                    var offset = postings.documentStarts[term]
                    let end = postings.documentStarts[term + 1]
                    var doc: Int32 = 0
                    var inBlock = 0
                    var largest: Float = 0
                    while offset < end {
                        doc &+= Int32(bitPattern: VarInt.read(bytes, &offset))
                        let base = Int(doc) * fieldCount
                        // The same sum, in the same order, as the scoring of a query over all fields.
                        var weighted: Float = 0
                        FrequencyCode.read(bytes, &offset, into: &frequencies)
                        for (field, frequency) in frequencies.enumerated() {
                            let norm = norms[base + field]
                            if frequency > 0, !(norm > 0) { blocks.usable = false }
                            weighted += Float(frequency) * norm
                        }
                        if !(weighted > 0) { blocks.usable = false }
                        largest = max(largest, weighted)
                        inBlock += 1
                        if inBlock == blockSize || offset == end {
                            blocks.maxima.append(roundedUp(largest))
                            blocks.lastDocuments.append(doc)
                            blocks.ends.append(UInt32(offset))
                            (inBlock, largest) = (0, 0)
                        }
                    }
                }
            }
        }
        return blocks
    }

    /// The smallest bfloat16 at or above a non-negative `value`.
    static func roundedUp(_ value: Float) -> UInt16 {
        let bits = value.bitPattern
        let high = UInt16(truncatingIfNeeded: bits >> 16)
        return bits & 0xffff == 0 ? high : high + 1
    }

    @inline(__always)
    static func bound(_ code: UInt16) -> Float { Float(bitPattern: UInt32(code) << 16) }

    var byteCount: Int { starts.count * 4 + maxima.count * 2 + lastDocuments.count * 4 + ends.count * 4 }
}
