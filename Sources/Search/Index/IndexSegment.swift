/// The index of one contiguous slice of the documents, built on one core. Segments are merged into
/// one `SearchIndex`; each keeps its terms unsorted with local ids in first-seen order.
struct IndexSegment {
    let firstDocument: Int
    private(set) var terms: [String] = []
    private var termIDs: [String: Int32] = [:]
    private(set) var termHashes: [UInt64] = []
    /// Per local term, its postings' lists in `postingBytes` and counts, in one value so that
    /// writing a document's postings touches one cache line per term.
    private(set) var postings: [TermPostings] = []
    private(set) var postingBytes = ByteLists()
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

    /// What the segment knows of each term number of the analysis workspace, valid for
    /// `numberGeneration`: a repeated word skips hashing its `String` into `termIDs`, and finds
    /// all a token needs in one place (one cache miss, not one per array).
    private var numbers: [NumberEntry] = []
    private var numberGeneration = -1

    /// A workspace term number's term (-1: not seen yet), its folded word's ordinal among the
    /// term's exact forms, the term's `NearDuplicates` hash, and the surface form its folded word
    /// has when the source is ASCII of the same length (then the lower-cased source is the folded
    /// word itself, so it is the same form every time; -1 when not seen yet), which saves the
    /// scan of the term's forms for most occurrences. `surfaceDocuments` counts that form's
    /// documents not yet added to its count in `surfaceForms` (`settleSurfaceCounts`): the entry
    /// is in cache while the token is read, the form's count rarely is.
    private struct NumberEntry {
        var term: Int32 = -1
        var ordinal: UInt32 = 0
        var surface: Int32 = -1
        var surfaceDocuments: UInt32 = 0
        var hash: UInt64 = 0
    }

    /// A term's postings in the segment: doc deltas (the first relative to 0, so absolute), each
    /// followed by the per-field frequencies, in `documents`; position deltas in `positions`.
    struct TermPostings {
        var documents = ByteLists.List()
        var positions = ByteLists.List()
        var lastDocument: Int32 = 0
        var documentFrequency: UInt32 = 0
    }

    private struct SurfaceForm {
        var start: Int32
        var length: Int32
        var next: Int32
        var count: UInt32
    }

    /// One token of the current document: its slot (the document's distinct terms in first-seen
    /// order), position, exact form ordinal and field.
    private struct TokenRecord {
        var slot: Int32
        var position: UInt32
        var ordinal: UInt32
        var field: UInt8
    }

    // Per-document scratch, reused.
    private var slotOfTerm: [Int32] = []
    private var slotTerms: [Int32] = []
    /// Written through a buffer pointer, never appended to: kept at least as long as a document's
    /// bound on tokens, `tokenCount` of them in use.
    private var tokenRecords: [TokenRecord] = []
    private var tokenCount = 0
    private var surfaceScratch: [UInt8] = []
    private var starts: [Int] = []
    private var order: [Int32] = []
    /// Kept only so the reads that bring the lists' ends into cache before `writePostings`
    /// writes them are not optimized away.
    private var touchedBytes: UInt8 = 0

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
        postings.append(TermPostings())
        slotOfTerm.append(-1)
        firstSurface.append(-1)
        return id
    }

    /// The entry of a token's workspace term number, made when the number is new: `term` gives
    /// the term's `String`, asked for only then.
    private mutating func numberEntry(_ word: Analyzer.IndexedWord, term: () -> String) -> NumberEntry {
        let number = word.number
        if word.generation != numberGeneration {
            settleSurfaceCounts()
            numbers.removeAll(keepingCapacity: true)
            numberGeneration = word.generation
        }
        if number < numbers.count {
            let known = numbers[number]
            if known.term >= 0 { return known }
        } else {
            numbers.append(contentsOf: repeatElement(NumberEntry(), count: max(number + 1 - numbers.count, 1024)))
        }
        let id = termID(term())
        let entry = NumberEntry(
            term: id, ordinal: exactForms.ordinal(of: word.folded, term: id), surface: -1, hash: termHashes[Int(id)])
        numbers[number] = entry
        return entry
    }

    mutating func add(
        _ document: SearchDocument, id doc: Int, analyzer: Analyzer, snippetField: Int,
        workspace: inout AnalysisWorkspace
    ) {
        let fieldCount = fieldLengths.count
        var shingles = NearDuplicates.SignatureBuilder()
        // Taken out of `self` so the token loop writes through one buffer pointer: appending to
        // a stored array checked its uniqueness on every token.
        var records = tokenRecords
        tokenRecords = []
        for field in 0..<fieldCount {
            var text = document.text[field]
            var length: UInt32 = 0
            text.withUTF8 { bytes in
                // A word of n parts gives at most n + 1 tokens and each part takes a byte.
                let bound = tokenCount + 2 * bytes.count + 1
                if records.count < bound {
                    records.append(
                        contentsOf: repeatElement(
                            TokenRecord(slot: 0, position: 0, ordinal: 0, field: 0), count: bound - records.count))
                }
                records.withUnsafeMutableBufferPointer { records in
                    analyzer.forEachIndexedWord(in: document.text[field], using: &workspace) { word, termOfWord in
                        if word.stopWord >= 0 {
                            exactForms.recordStopWord(word, field: field)
                            return
                        }
                        length += 1
                        let entry = numberEntry(word, term: termOfWord)
                        let term = entry.term
                        var slot = slotOfTerm[Int(term)]
                        if slot < 0 {
                            slot = Int32(slotTerms.count)
                            slotOfTerm[Int(term)] = slot
                            slotTerms.append(term)
                            recordSurface(
                                bytes[word.start..<word.end], term: term,
                                number: word.end - word.start == word.folded.count ? word.number : nil)
                        }
                        precondition(tokenCount < records.count)
                        records[tokenCount] = TokenRecord(
                            slot: slot, position: UInt32(word.position), ordinal: entry.ordinal, field: UInt8(field))
                        tokenCount += 1
                        if field == snippetField { shingles.add(entry.hash) }
                    }
                }
            }
            fieldLengths[field].append(length)
        }
        tokenRecords = records
        signatures.append(contentsOf: shingles.signature)
        flushDocument(doc, fieldCount: fieldCount)
    }

    /// Counts the lower-cased surface form of a term's first occurrence in a document, so the
    /// counts are document frequencies of surface forms. ASCII forms are compared and stored
    /// lower-cased on the fly; others go through a lower-cased copy. `number` is the token's term
    /// number when its source is as long as its folded word: an ASCII source is then the folded
    /// word, and its form is remembered by number.
    private mutating func recordSurface(_ slice: Slice<UnsafeBufferPointer<UInt8>>, term: Int32, number: Int?) {
        let bytes = UnsafeBufferPointer(rebasing: slice)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard let number else {
                _ = recordSurface(bytes, term: term, lowercasingASCII: true)
                return
            }
            if numbers[number].surface >= 0 {
                numbers[number].surfaceDocuments += 1
            } else {
                numbers[number].surface = recordSurface(bytes, term: term, lowercasingASCII: true)
            }
        } else {
            surfaceScratch.removeAll(keepingCapacity: true)
            surfaceScratch += String(decoding: bytes, as: UTF8.self).lowercased().utf8
            let scratch = surfaceScratch
            _ = scratch.withUnsafeBufferPointer { recordSurface($0, term: term, lowercasingASCII: false) }
        }
    }

    /// Counts one occurrence of the form `wanted` of `term`, adding the form when new; returns it.
    private mutating func recordSurface(
        _ wanted: UnsafeBufferPointer<UInt8>, term: Int32, lowercasingASCII: Bool
    ) -> Int32 {
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
            return found
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
        return new
    }

    /// Adds the documents counted per term number to their surface forms' counts; before the
    /// numbers are cleared, and once the last document is added (`surfaceCount` needs it).
    mutating func settleSurfaceCounts() {
        for number in numbers.indices where numbers[number].surfaceDocuments > 0 {
            surfaceForms[Int(numbers[number].surface)].count += numbers[number].surfaceDocuments
            numbers[number].surfaceDocuments = 0
        }
    }

    /// The document count of surface form `form` (an index into `surfaceTerms`), once the counts
    /// are settled.
    func surfaceCount(_ form: Int) -> UInt32 { surfaceForms[form].count }

    /// The bytes of surface form `form` (an index into `surfaceTerms`).
    func withSurface<Result>(_ form: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        surfaceBytes.withUnsafeBufferPointer { stored in
            let start = Int(surfaceForms[form].start)
            return body(UnsafeBufferPointer(rebasing: stored[start..<(start + Int(surfaceForms[form].length))]))
        }
    }

    /// Appends each slot's doc delta, field frequencies and positions to its term's lists, once
    /// `flushDocument` has grouped the tokens by slot in `order`.
    private mutating func writePostings(_ doc: Int, fieldCount: Int, into writer: inout ByteLists.Writer) {
        let slotCount = slotTerms.count
        var touched: UInt8 = 0
        defer { touchedBytes = touched }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: fieldCount) { frequencies in
            tokenRecords.withUnsafeBufferPointer { records in
                starts.withUnsafeBufferPointer { starts in
                    order.withUnsafeBufferPointer { order in
                        slotTerms.withUnsafeBufferPointer { slotTerms in
                            postings.withUnsafeMutableBufferPointer { postings in
                                slotOfTerm.withUnsafeMutableBufferPointer { slotOfTerm in
                                    // Every slot's term state and list ends are read first, so
                                    // their cache misses overlap instead of coming one by one as
                                    // the writes below meet them.
                                    for slot in 0..<slotCount {
                                        let termPostings = postings[Int(slotTerms[slot])]
                                        touched |=
                                            writer.byte(at: termPostings.documents)
                                            | writer.byte(at: termPostings.positions)
                                    }
                                    for slot in 0..<slotCount {
                                        let term = Int(slotTerms[slot])
                                        // Updated in place: a copy written back waited for the
                                        // list bytes' stores before it (a stalled store forward).
                                        let termPostings = postings.baseAddress! + term
                                        for field in 0..<fieldCount { frequencies[field] = 0 }
                                        var previousField = -1
                                        var previousPosition: UInt32 = 0
                                        for index in starts[slot]..<starts[slot + 1] {
                                            let record = records[Int(order[index])]
                                            frequencies[Int(record.field)] += 1
                                            if Int(record.field) != previousField {
                                                previousField = Int(record.field)
                                                previousPosition = 0
                                            }
                                            // An analyzer emits a term's positions in order; clamping keeps
                                            // deltas valid regardless.
                                            let position = max(record.position, previousPosition)
                                            writer.appendVarInt(
                                                position &- previousPosition, to: &termPostings.pointee.positions)
                                            previousPosition = position
                                        }
                                        writer.appendVarInt(
                                            UInt32(Int32(doc) - termPostings.pointee.lastDocument),
                                            to: &termPostings.pointee.documents)
                                        let code = FrequencyCode.code(frequencies.baseAddress!, fieldCount: fieldCount)
                                        writer.append(code, to: &termPostings.pointee.documents)
                                        if code == FrequencyCode.escape {
                                            for field in 0..<fieldCount {
                                                writer.appendVarInt(
                                                    frequencies[field], to: &termPostings.pointee.documents)
                                            }
                                        }
                                        termPostings.pointee.lastDocument = Int32(doc)
                                        termPostings.pointee.documentFrequency += 1
                                        slotOfTerm[term] = -1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the current document's postings, grouping its tokens by term with a counting sort.
    private mutating func flushDocument(_ doc: Int, fieldCount: Int) {
        let slotCount = slotTerms.count
        let tokenCount = self.tokenCount
        starts.removeAll(keepingCapacity: true)
        starts.append(contentsOf: repeatElement(0, count: slotCount + 1))
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: repeatElement(0, count: tokenCount))
        tokenRecords.withUnsafeBufferPointer { records in
            let records = UnsafeBufferPointer(rebasing: records[..<tokenCount])
            starts.withUnsafeMutableBufferPointer { starts in
                order.withUnsafeMutableBufferPointer { order in
                    for record in records { starts[Int(record.slot)] += 1 }
                    // Each slot's end, then filled from the back: `starts[slot]..<starts[slot + 1]`
                    // ends up holding the slot's tokens in their order (`starts[slotCount]` stays
                    // `tokenCount`).
                    for slot in 0..<slotCount { starts[slot + 1] += starts[slot] }
                    for token in records.indices.reversed() {
                        let slot = Int(records[token].slot)
                        starts[slot] -= 1
                        order[starts[slot]] = Int32(token)
                    }
                }
            }
        }
        // Taken out of `self` while `writePostings` updates the rest. A VarInt takes at most 5
        // bytes: per slot a doc delta, a frequency code and (escaped) the field frequencies, a
        // position delta per token.
        var postingBytes = self.postingBytes
        self.postingBytes = ByteLists()
        postingBytes.withWriter(bytes: 5 * ((2 + fieldCount) * slotCount + tokenCount), lists: 2 * slotCount) {
            writePostings(doc, fieldCount: fieldCount, into: &$0)
        }
        self.postingBytes = postingBytes
        let slotStarts = starts
        let records = tokenRecords
        exactForms.flushDocument(
            order: order,
            tokensOfSlot: { slotStarts[$0]..<slotStarts[$0 + 1] },
            slotTerms: slotTerms, fieldCount: fieldCount, ordinalOfToken: { records[$0].ordinal })
        slotTerms.removeAll(keepingCapacity: true)
        self.tokenCount = 0
    }
}
