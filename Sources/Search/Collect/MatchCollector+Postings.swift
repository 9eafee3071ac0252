extension MatchCollector.Pass {
    /// A one-term query's postings, scored and collected in one loop. Under relevance without a
    /// cursor or filters, the postings go by blocks of `BlockBounds.blockSize`: a block whose
    /// bound cannot beat the top k's worst is only decoded, counted and tallied (`countBlock`), or,
    /// when the facet counts are preset (`TermFacetCounts`) or none is asked for and the block holds
    /// no near-duplicate, counted whole and stepped over undecoded (`BlockBounds.ends`);
    /// in the other blocks a match whose `NormBounds` bound cannot beat it is counted and tallied
    /// without reading its exact norms, and the others get the exact score
    /// `SearchIndex.forEachScoredPosting` gives, by the same arithmetic in the same order
    /// (`scoreBlock`). The top k's worst only rises, so a bound read at a block's start holds
    /// for the whole block.
    mutating func collectPostings(of term: Int32, fields: [Int], index: SearchIndex) {
        let blockBounds = index.blockBounds
        let normBounds = index.normBounds
        let fieldCount = index.schema.textFields.count
        guard !filtering, collector.sort == .relevance, collector.cursor == nil, blockBounds.isUsable,
            fieldCount < 64
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
                                        collectBlocks(
                                            frequency, reader: &reader, blocks: firstBlock, bounds: blockBounds,
                                            maxima: maxima, scoring: scoring, documents: documents.baseAddress!,
                                            skippable: !tallying && !collector.countsAfterPass
                                                && fields.count == fieldCount)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The postings block by block: each block's matches go to `documents` (room for a block),
    /// then are tallied and counted. When `skippable` (the tallies preset, no list of kept
    /// documents, every field selected so every posting is a match), a block that cannot reach the
    /// top k and holds no near-duplicate is counted whole and stepped over (`BlockBounds.ends`).
    private mutating func collectBlocks(
        _ count: Int, reader: inout PostingReader, blocks firstBlock: Int, bounds: BlockBounds,
        maxima: UnsafeBufferPointer<UInt16>, scoring: TermScoring, documents: UnsafeMutablePointer<Int32>,
        skippable: Bool
    ) {
        var nextClustered = collector.collapsing ? firstClustered(from: 0) : .max
        var doc: Int32 = 0
        var needed = neededWeight(idf: scoring.idf, k1: scoring.k1)
        var remaining = count
        var blockIndex = firstBlock
        while remaining > 0 {
            let size = min(remaining, BlockBounds.blockSize)
            remaining &-= size
            let block: (matches: Int, uncounted: Int)
            if BlockBounds.bound(maxima[blockIndex]) < needed, skippable,
                bounds.lastDocuments[blockIndex] < nextClustered
            {
                reader.skip(to: Int(bounds.ends[blockIndex]))
                doc = bounds.lastDocuments[blockIndex]
                block = (0, size)  // No ids in `documents`: nothing reads them.
                matched &+= size
            } else if BlockBounds.bound(maxima[blockIndex]) < needed {
                block = countBlock(
                    size, reader: &reader, doc: &doc, scoring: scoring, documents: documents,
                    nextClustered: nextClustered)
            } else {
                block = scoreBlock(
                    size, reader: &reader, doc: &doc, scoring: scoring, documents: documents, needed: &needed)
            }
            if doc >= nextClustered { nextClustered = firstClustered(from: Int(doc) + 1) }
            if tallying { tally(documents, count: block.matches) }
            if collector.countsAfterPass {
                state.keptDocuments.append(contentsOf: UnsafeBufferPointer(start: documents, count: block.matches))
            }
            matched &+= block.matches
            state.total &+= block.uncounted
            state.afterCursor &+= block.uncounted
            blockIndex &+= 1
        }
    }

    /// A block none of whose matches can get into the top k: its matches' document ids are
    /// decoded into `documents`, frequencies skipped, to be counted and tallied. A near-duplicate
    /// among them is set aside with its score: when the block reaches `nextClustered` (rarely),
    /// it is read again with frequencies for that. Returns the number of matches and of those
    /// not offered (to be counted in the total).
    @inline(__always)
    private mutating func countBlock(
        _ size: Int, reader: inout PostingReader, doc: inout Int32, scoring: TermScoring,
        documents: UnsafeMutablePointer<Int32>, nextClustered: Int32
    ) -> (matches: Int, uncounted: Int) {
        let start = reader
        let first = doc
        // Locals, not the inout arguments: kept in registers, where the arguments went through
        // memory at every posting (a store-to-load wait on `doc` each time).
        var count = 0
        var current = doc
        var local = reader
        for _ in 0..<size {
            let (delta, weighs) = local.nextDocument()
            current &+= Int32(bitPattern: delta)
            documents[count] = current
            count &+= weighs ? 1 : 0
        }
        reader = local
        doc = current
        var setAside = 0
        if doc >= nextClustered {
            var again = start
            var member = first
            for _ in 0..<size {
                member &+= Int32(bitPattern: again.next(frequencies: scoring.frequencies))
                guard isClustered(member), scoring.weighs() else { continue }
                admit(doc: member, score: scoring.score(doc: member))
                setAside &+= 1
            }
        }
        return (count, count &- setAside)
    }

    /// A block where a match may get into the top k: each match's weight is bounded from its
    /// norms' codes and the match offered with its exact score when the bound can beat the top
    /// k's worst. Its matches go to `documents` as in `countBlock`.
    @inline(__always)
    private mutating func scoreBlock(
        _ size: Int, reader: inout PostingReader, doc: inout Int32, scoring: TermScoring,
        documents: UnsafeMutablePointer<Int32>, needed: inout Float
    ) -> (matches: Int, uncounted: Int) {
        var count = 0
        var uncounted = 0
        var local = reader
        var current = doc
        defer { (reader, doc) = (local, current) }
        for _ in 0..<size {
            current &+= Int32(bitPattern: local.next(frequencies: scoring.frequencies))
            let bound = scoring.bound(doc: current)
            // Zero exactly when the exact weight is: no match.
            guard bound > 0 else { continue }
            documents[count] = current
            count &+= 1
            let isClustered = collector.collapsing && isClustered(current)
            if !isClustered, bound < needed {
                uncounted &+= 1
                continue
            }
            admit(doc: current, score: scoring.score(doc: current))
            if !isClustered { needed = neededWeight(idf: scoring.idf, k1: scoring.k1) }
        }
        return (count, uncounted)
    }

    /// The first document from `doc` on that is in a near-duplicate cluster, or `.max`.
    private func firstClustered(from doc: Int) -> Int32 {
        var word = doc >> 6
        guard word < clustered.count else { return .max }
        var bits = clustered[word] & (~0 << UInt64(doc & 63))
        while bits == 0 {
            word += 1
            guard word < clustered.count else { return .max }
            bits = clustered[word]
        }
        return Int32(word << 6 | bits.trailingZeroBitCount)
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

    /// Whether a selected field's frequency is not zero, so the posting is a match.
    @inline(__always)
    func weighs() -> Bool {
        for field in 0..<fieldCount where selected[field] && frequencies[field] > 0 { return true }
        return false
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
