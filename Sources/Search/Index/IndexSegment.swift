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
    /// The lower-cased surface forms (UTF-8) of the terms, with document counts: per form its term
    /// (`surfaceTerms`) and, packed in one value so a lookup touches one cache line, its bytes in
    /// `surfaceBytes`, its count and the next form of the same term (-1 ends the list that
    /// `firstSurface[term]` starts). A term has a handful, so a linear scan of byte comparisons
    /// beats hashing a new string per occurrence; the first form seen, usually the commonest,
    /// stays first.
    private(set) var surfaceTerms: [Int32] = []
    private var surfaceForms: [SurfaceForm] = []
    private var firstSurface: [Int32] = []
    private var surfaceBytes: [UInt8] = []
    /// Per document, `NearDuplicates.binCount` MinHash values (empty documents hold all `.max`).
    private(set) var signatures: [UInt32] = []
    /// Which folded form each occurrence was, and where the stop words are, for exact phrases.
    private(set) var exactForms = ExactFormRecorder()

    /// Segment term id per term number of the analysis workspace (-1: not seen yet), valid for
    /// `numberGeneration`: a repeated word skips hashing its `String` into `termIDs`.
    private var termOfNumber: [Int32] = []
    private var numberGeneration = -1

    private struct SurfaceForm {
        var start: Int32
        var length: Int32
        var next: Int32
        var count: UInt32
    }

    // Per-document scratch, reused.
    private var slotOfTerm: [Int32] = []
    private var slotTerms: [Int32] = []
    private var tokenSlots: [Int32] = []
    private var tokenFields: [UInt8] = []
    private var tokenPositions: [UInt32] = []
    private var surfaceScratch: [UInt8] = []

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
        firstSurface.append(-1)
        return id
    }

    /// The segment's id for a token's term, through its workspace term number when known.
    private mutating func termID(_ token: Token, number: Int, generation: Int) -> Int32 {
        if generation != numberGeneration {
            termOfNumber.removeAll(keepingCapacity: true)
            numberGeneration = generation
        }
        if number < termOfNumber.count {
            let known = termOfNumber[number]
            if known >= 0 { return known }
        } else {
            termOfNumber.append(contentsOf: repeatElement(-1, count: max(number + 1 - termOfNumber.count, 1024)))
        }
        let id = termID(token.term)
        termOfNumber[number] = id
        return id
    }

    mutating func add(
        _ document: SearchDocument, id doc: Int, analyzer: Analyzer, snippetField: Int,
        workspace: inout AnalysisWorkspace
    ) {
        let fieldCount = fieldLengths.count
        var shingles = NearDuplicates.SignatureBuilder()
        for field in 0..<fieldCount {
            var text = document.text[field]
            var length: UInt32 = 0
            text.withUTF8 { bytes in
                analyzer.forEachIndexedWord(in: document.text[field], using: &workspace) { word in
                    if word.stopWord >= 0 {
                        exactForms.recordStopWord(word, field: field)
                        return
                    }
                    let token = word.token
                    length += 1
                    let term = termID(token, number: word.number, generation: word.generation)
                    exactForms.record(word, term: term)
                    var slot = slotOfTerm[Int(term)]
                    if slot < 0 {
                        slot = Int32(slotTerms.count)
                        slotOfTerm[Int(term)] = slot
                        slotTerms.append(term)
                        recordSurface(bytes[token.start..<token.end], term: term)
                    }
                    tokenSlots.append(slot)
                    tokenFields.append(UInt8(field))
                    tokenPositions.append(UInt32(token.position))
                    if field == snippetField { shingles.add(termHashes[Int(term)]) }
                }
            }
            fieldLengths[field].append(length)
        }
        signatures.append(contentsOf: shingles.signature)
        flushDocument(doc, fieldCount: fieldCount)
    }

    /// Counts the lower-cased surface form of a term's first occurrence in a document, so the
    /// counts are document frequencies of surface forms. ASCII forms are compared and stored
    /// lower-cased on the fly; others go through a lower-cased copy.
    private mutating func recordSurface(_ slice: Slice<UnsafeBufferPointer<UInt8>>, term: Int32) {
        let bytes = UnsafeBufferPointer(rebasing: slice)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            recordSurface(bytes, term: term, lowercasingASCII: true)
        } else {
            surfaceScratch.removeAll(keepingCapacity: true)
            surfaceScratch += String(decoding: bytes, as: UTF8.self).lowercased().utf8
            let scratch = surfaceScratch
            scratch.withUnsafeBufferPointer { recordSurface($0, term: term, lowercasingASCII: false) }
        }
    }

    private mutating func recordSurface(_ wanted: UnsafeBufferPointer<UInt8>, term: Int32, lowercasingASCII: Bool) {
        @inline(__always) func folded(_ byte: UInt8) -> UInt8 {
            lowercasingASCII && byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte
        }
        let first = firstSurface[Int(term)]
        let found: Int32? = surfaceForms.withUnsafeBufferPointer { forms in
            surfaceBytes.withUnsafeBufferPointer { stored in
                var form = first
                while form >= 0 {
                    let candidate = forms[Int(form)]
                    if Int(candidate.length) == wanted.count {
                        let start = Int(candidate.start)
                        var index = 0
                        while index < wanted.count, stored[start + index] == folded(wanted[index]) { index += 1 }
                        if index == wanted.count { return form }
                    }
                    form = candidate.next
                }
                return nil
            }
        }
        if let found {
            surfaceForms[Int(found)].count += 1
            return
        }
        let new = Int32(surfaceForms.count)
        surfaceTerms.append(term)
        surfaceForms.append(
            SurfaceForm(start: Int32(surfaceBytes.count), length: Int32(wanted.count), next: -1, count: 1))
        for byte in wanted { surfaceBytes.append(folded(byte)) }
        if first < 0 {
            firstSurface[Int(term)] = new
        } else {
            surfaceForms[Int(new)].next = surfaceForms[Int(first)].next
            surfaceForms[Int(first)].next = new
        }
    }

    /// The document count of surface form `form` (an index into `surfaceTerms`).
    func surfaceCount(_ form: Int) -> UInt32 { surfaceForms[form].count }

    /// The bytes of surface form `form` (an index into `surfaceTerms`).
    func withSurface<Result>(_ form: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        surfaceBytes.withUnsafeBufferPointer { stored in
            let start = Int(surfaceForms[form].start)
            return body(UnsafeBufferPointer(rebasing: stored[start..<(start + Int(surfaceForms[form].length))]))
        }
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
        // Appending through the outer arrays' buffers saves two uniqueness checks per byte written.
        var documentBytes = self.documentBytes
        var positionBytes = self.positionBytes
        self.documentBytes = []
        self.positionBytes = []
        defer {
            self.documentBytes = documentBytes
            self.positionBytes = positionBytes
        }
        documentBytes.withUnsafeMutableBufferPointer { documentBytes in
            positionBytes.withUnsafeMutableBufferPointer { positionBytes in
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
            }
        }
        exactForms.flushDocument(order: order, starts: starts, slotTerms: slotTerms, fieldCount: fieldCount)
        slotTerms.removeAll(keepingCapacity: true)
        tokenSlots.removeAll(keepingCapacity: true)
        tokenFields.removeAll(keepingCapacity: true)
        tokenPositions.removeAll(keepingCapacity: true)
    }
}
