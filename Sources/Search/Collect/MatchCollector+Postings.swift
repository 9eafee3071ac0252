import Glibc

extension MatchCollector.Pass {
    /// A one-term query's postings, scored and collected in one loop. Under relevance without a
    /// cursor or filters, the postings go by blocks of `BlockBounds.blockSize`: a block whose
    /// bound cannot beat the top k's worst is only decoded, counted and tallied (`countBlock`);
    /// in the other blocks a match whose `NormBounds` bound cannot beat it is counted and tallied
    /// without reading its exact norms, and the others get the exact score
    /// `SearchIndex.forEachScoredPosting` gives, by the same arithmetic in the same order
    /// (`scoreBlock`). The top k's worst only rises, so a bound read at a block's start holds
    /// for the whole block.
    mutating func collectPostings(of term: Int32, fields: [Int], index: SearchIndex) {
        let blockBounds = index.blockBounds
        let normBounds = index.normBounds
        let fieldCount = index.schema.textFields.count
        guard !filtering, collector.sort == .relevance, collector.cursor == nil, normBounds.isUsable,
            blockBounds.isUsable, fieldCount < 64
        else {
            index.forEachScoredPosting(of: term, fields: fields, boost: 1) { collect(doc: $0, score: $1) }
            return
        }
        let postings = index.postings
        let frequency = Int(postings.documentFrequencies[Int(term)])
        let idf = BM25Parameters.idf(documentCount: index.documentCount, documentFrequency: frequency)
        let k1 = index.parameters.k1
        var selected = [Bool](repeating: false, count: fieldCount)
        for field in fields { selected[field] = true }
        let firstBlock = Int(blockBounds.starts[Int(term)])
        defer {
            if BlockStatistics.enabled {
                let line = "lean \(BlockStatistics.lean) scored \(BlockStatistics.scored)\n"; _ = line.withCString { write(2, $0, strlen($0)) }
                BlockStatistics.lean = 0
                BlockStatistics.scored = 0
            }
        }
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: BlockBounds.blockSize) { documents in
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: fieldCount) { frequencies in
            postings.documents.withUnsafeBufferPointer { bytes in
                index.norms.withUnsafeBufferPointer { norms in
                    normBounds.codes.withUnsafeBufferPointer { codes in
                        normBounds.bounds.withUnsafeBufferPointer { bounds in
                            selected.withUnsafeBufferPointer { selected in
                                blockBounds.maxima.withUnsafeBufferPointer { maxima in
                                    let scoring = TermScoring(
                                        idf: idf, k1: k1, fieldCount: fieldCount, selected: selected, norms: norms,
                                        codes: codes, bounds: bounds, frequencies: frequencies.baseAddress!)
                                    var reader = PostingReader(
                                        bytes: bytes, offset: postings.documentStarts[Int(term)],
                                        fieldCount: fieldCount, selected: fields)
                                    var doc: Int32 = 0
                                    var needed = neededWeight(idf: idf, k1: k1)
                                    var remaining = frequency
                                    var block = firstBlock
                                    while remaining > 0 {
                                        let size = min(remaining, BlockBounds.blockSize)
                                        remaining &-= size
                                        if BlockBounds.bound(maxima[block]) < needed {
                                            countBlock(size, reader: &reader, doc: &doc, scoring: scoring, documents: documents.baseAddress!)
                                        } else {
                                            scoreBlock(
                                                size, reader: &reader, doc: &doc, scoring: scoring, needed: &needed)
                                        }
                                        block &+= 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
    }

    /// A block none of whose matches can get into the top k: its matches' document ids are
    /// decoded into `documents`, then counted and tallied; a near-duplicate among them, set aside
    /// with its score, is scored as it is decoded.
    @inline(__always)
    private mutating func countBlock(
        _ size: Int, reader: inout PostingReader, doc: inout Int32, scoring: TermScoring,
        documents: UnsafeMutablePointer<Int32>
    ) {
        var count = 0
        var setAside = 0
        for _ in 0..<size {
            let before = reader
            let (delta, weighs) = reader.nextDocument()
            doc &+= Int32(bitPattern: delta)
            documents[count] = doc
            guard weighs else { continue }
            count &+= 1
            if collector.collapsing, isClustered(doc) {
                var again = before
                _ = again.next(frequencies: scoring.frequencies)
                admit(doc: doc, score: scoring.score(doc: doc))
                setAside &+= 1
            }
        }
        tally(documents, count: count)
        if collector.countsAfterPass {
            state.keptDocuments.append(contentsOf: UnsafeBufferPointer(start: documents, count: count))
        }
        matched &+= count
        state.total &+= count &- setAside
        state.afterCursor &+= count &- setAside
        BlockStatistics.lean &+= 1
    }

    /// A block where a match may get into the top k: each match's weight is bounded from its
    /// norms' codes and scored exactly when the bound can beat the top k's worst.
    @inline(__always)
    private mutating func scoreBlock(
        _ size: Int, reader: inout PostingReader, doc: inout Int32, scoring: TermScoring, needed: inout Float
    ) {
        BlockStatistics.scored &+= 1
        for _ in 0..<size {
            doc &+= Int32(bitPattern: reader.next(frequencies: scoring.frequencies))
            let bound = scoring.bound(doc: doc)
            // Zero exactly when the exact weight is: no match.
            guard bound > 0 else { continue }
            matched &+= 1
            tally(doc)
            if collector.countsAfterPass { state.keptDocuments.append(doc) }
            let isClustered = collector.collapsing && isClustered(doc)
            if !isClustered, bound < needed {
                state.total &+= 1
                state.afterCursor &+= 1
                continue
            }
            admit(doc: doc, score: scoring.score(doc: doc))
            if !isClustered { needed = neededWeight(idf: scoring.idf, k1: scoring.k1) }
        }
    }

    @inline(__always)
    private func isClustered(_ doc: Int32) -> Bool {
        clustered[Int(doc) >> 6] & (1 << UInt64(doc & 63)) != 0
    }

    /// The weight a match must reach to beat the heap's worst score under relevance: idf * w /
    /// (w + k1) > worst needs w > k1 * worst / (idf - worst). Lowered by 1 % so that float
    /// rounding of the score can never skip a match that would have got in; 0 while the heap
    /// has room, infinite when nothing can beat it (scores stay below idf).
    private func neededWeight(idf: Float, k1: Float) -> Float {
        guard let worst = state.heap.worstScore else { return 0 }
        guard worst < idf else { return .infinity }
        return Float(Double(k1) * Double(worst) / (Double(idf) - Double(worst)) * 0.99)
    }
}

/// What scoring one term's postings reads, as raw views valid inside `collectPostings`; the
/// current posting's frequencies are in `frequencies[0..<fieldCount]`.
private struct TermScoring {
    let idf: Float
    let k1: Float
    let fieldCount: Int
    let selected: UnsafeBufferPointer<Bool>
    let norms: UnsafeBufferPointer<Float>
    let codes: UnsafeBufferPointer<UInt8>
    let bounds: UnsafeBufferPointer<Float>
    let frequencies: UnsafeMutablePointer<UInt32>

    /// An upper bound of the weight from the norms' codes; zero exactly when the weight is.
    @inline(__always)
    func bound(doc: Int32) -> Float {
        let base = Int(doc) &* fieldCount
        var bound: Float = 0
        for field in 0..<fieldCount where selected[field] {
            let code = Int(codes[base &+ field])
            bound += Float(frequencies[field]) * bounds[field &* NormBounds.codesPerField &+ code]
        }
        return bound
    }

    /// The exact BM25F score, as `SearchIndex.forEachScoredPosting` computes it.
    @inline(__always)
    func score(doc: Int32) -> Float {
        let base = Int(doc) &* fieldCount
        var weighted: Float = 0
        for field in 0..<fieldCount where selected[field] {
            weighted += Float(frequencies[field]) * norms[base &+ field]
        }
        return idf * weighted / (weighted + k1)
    }
}

enum BlockStatistics {
    static let enabled = getenv("BLOCKSTATS") != nil
    nonisolated(unsafe) static var lean = 0
    nonisolated(unsafe) static var scored = 0
}
