/// The index of one contiguous slice of the documents, built on one core. Segments are merged into
/// one `SearchIndex`; each keeps its terms unsorted with local ids in first-seen order.
struct IndexSegment {
    let firstDocument: Int
    private(set) var terms: [String] = []
    private var termIDs: [String: Int32] = [:]
    private(set) var termHashes: [UInt64] = []
    private(set) var documentFrequencies: [UInt32] = []
    /// Per local term: doc deltas (the first relative to 0, so absolute) and per-field frequencies.
    private(set) var documentBytes: [[UInt8]] = []
    private(set) var positionBytes: [[UInt8]] = []
    private(set) var lastDocument: [Int32] = []
    /// Per text field, per document of the segment: its token count.
    private(set) var fieldLengths: [[UInt32]]
    /// Lower-cased surface forms seen, each with its local term and occurrence count.
    private(set) var surfaces: [String: SurfaceCount] = [:]
    /// Per document, `NearDuplicates.binCount` MinHash values (empty documents hold all `.max`).
    private(set) var signatures: [UInt32] = []

    struct SurfaceCount {
        var term: Int32
        var count: UInt32
    }

    // Per-document scratch, reused.
    private var slotOfTerm: [Int32] = []
    private var slotTerms: [Int32] = []
    private var tokenSlots: [Int32] = []
    private var tokenFields: [UInt8] = []
    private var tokenPositions: [UInt32] = []

    init(firstDocument: Int, fieldCount: Int) {
        self.firstDocument = firstDocument
        fieldLengths = Array(repeating: [], count: fieldCount)
    }

    private mutating func termID(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(terms.count)
        termIDs[term] = id
        terms.append(term)
        termHashes.append(NearDuplicates.hash(term))
        documentFrequencies.append(0)
        documentBytes.append([])
        positionBytes.append([])
        lastDocument.append(0)
        slotOfTerm.append(-1)
        return id
    }

    mutating func add(
        _ document: SearchDocument, id doc: Int, analyzer: Analyzer, snippetField: Int,
        workspace: inout AnalysisWorkspace
    ) {
        let fieldCount = fieldLengths.count
        var shingles = NearDuplicates.SignatureBuilder()
        for field in 0..<fieldCount {
            let text = document.text[field]
            var length: UInt32 = 0
            analyzer.forEachToken(in: text, using: &workspace) { token in
                length += 1
                let term = termID(token.term)
                var slot = slotOfTerm[Int(term)]
                if slot < 0 {
                    slot = Int32(slotTerms.count)
                    slotOfTerm[Int(term)] = slot
                    slotTerms.append(term)
                }
                tokenSlots.append(slot)
                tokenFields.append(UInt8(field))
                tokenPositions.append(UInt32(token.position))
                recordSurface(of: token, in: text, term: term)
                if field == snippetField { shingles.add(termHashes[Int(term)]) }
            }
            fieldLengths[field].append(length)
        }
        signatures.append(contentsOf: shingles.signature)
        flushDocument(doc, fieldCount: fieldCount)
    }

    private mutating func recordSurface(of token: Token, in text: String, term: Int32) {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: token.start)
        let end = utf8.index(utf8.startIndex, offsetBy: token.end)
        var surface = String(text[start..<end])
        if surface.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5a || $0 >= 0x80 }) { surface = surface.lowercased() }
        surfaces[surface, default: SurfaceCount(term: term, count: 0)].count += 1
    }

    /// Writes the current document's postings, grouping its tokens by term with a counting sort.
    private mutating func flushDocument(_ doc: Int, fieldCount: Int) {
        let slotCount = slotTerms.count
        var starts = [Int](repeating: 0, count: slotCount + 1)
        for slot in tokenSlots { starts[Int(slot) + 1] += 1 }
        for slot in 0..<slotCount { starts[slot + 1] += starts[slot] }
        var order = [Int](repeating: 0, count: tokenSlots.count)
        var fill = starts
        for (token, slot) in tokenSlots.enumerated() {
            order[fill[Int(slot)]] = token
            fill[Int(slot)] += 1
        }
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        for slot in 0..<slotCount {
            let term = Int(slotTerms[slot])
            for field in 0..<fieldCount { frequencies[field] = 0 }
            for index in starts[slot]..<starts[slot + 1] { frequencies[Int(tokenFields[order[index]])] += 1 }
            VarInt.append(UInt32(Int32(doc) - lastDocument[term]), to: &documentBytes[term])
            for field in 0..<fieldCount { VarInt.append(frequencies[field], to: &documentBytes[term]) }
            var previousField = -1
            var previousPosition: UInt32 = 0
            for index in starts[slot]..<starts[slot + 1] {
                let token = order[index]
                if Int(tokenFields[token]) != previousField {
                    previousField = Int(tokenFields[token])
                    previousPosition = 0
                }
                // An analyzer emits a term's positions in order; clamping keeps deltas valid regardless.
                let position = max(tokenPositions[token], previousPosition)
                VarInt.append(position &- previousPosition, to: &positionBytes[term])
                previousPosition = position
            }
            lastDocument[term] = Int32(doc)
            documentFrequencies[term] += 1
            slotOfTerm[term] = -1
        }
        slotTerms.removeAll(keepingCapacity: true)
        tokenSlots.removeAll(keepingCapacity: true)
        tokenFields.removeAll(keepingCapacity: true)
        tokenPositions.removeAll(keepingCapacity: true)
    }
}
