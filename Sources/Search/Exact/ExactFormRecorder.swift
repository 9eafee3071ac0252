/// The segment side of `ExactForms`: which folded, unstemmed form of its term each occurrence was.
///
/// It also writes the segment's stop words (`StopWordMap.Builder`), which the index holds beside the forms.
///
/// A term's forms get ordinals in the order the segment first meets them. Per term, the ordinals
/// of its occurrences are written (varint) in the order of its positions; a term seen in only one
/// form so far writes nothing and counts its occurrences in `pendingZeros`, written as zeros when a
/// second form appears: most terms never vary, and they cost nothing here.
struct ExactFormRecorder {
    /// Per local term: its first form and its form count; forms chain through `nextForm`.
    private(set) var firstForm: [Int32] = []
    private var lastForm: [Int32] = []
    private(set) var formCounts: [UInt32] = []
    /// Per local term: its list of ordinals written in `streamBytes` (an array per term paid a
    /// uniqueness check and a header's cache miss per write), and the occurrences still owed as
    /// zeros.
    private var streams: [ByteLists.List] = []
    private var streamBytes = ByteLists()
    private(set) var pendingZeros: [UInt32] = []
    /// Per form: the next form of the same term (-1 ends), its ordinal, and its bytes in
    /// `formBytes[formStarts[form]..<formStarts[form + 1]]`.
    private(set) var nextForm: [Int32] = []
    private var formOrdinals: [UInt32] = []
    private var formStarts: [Int32] = [0]
    private var formBytes: [UInt8] = []
    /// The segment's stop words, written as they come; `documentFields` is where the current
    /// document's first field starts in it.
    private(set) var stopWords = StopWordMap.Builder()
    private var documentFields = 0

    /// The ordinal of the form spelled `folded` among the forms of the term with local id `term`,
    /// the form added when new. An occurrence's ordinal goes to `flushDocument`; the segment
    /// remembers it per workspace term number, which names the folded word.
    mutating func ordinal(of folded: UnsafeBufferPointer<UInt8>, term: Int32) -> UInt32 {
        while firstForm.count <= Int(term) {
            firstForm.append(-1)
            lastForm.append(-1)
            formCounts.append(0)
            streams.append(ByteLists.List())
            pendingZeros.append(0)
        }
        return formOrdinals[Int(form(folded, of: Int(term)))]
    }

    /// Records a stop word of the current document's `field`.
    mutating func recordStopWord(_ word: Analyzer.IndexedWord, field: Int) {
        // A phrase is matched through single-position words; a stop word spanning a compound's parts
        // ("a-n" as "an") shares its position with its first part.
        guard word.span == 1 else { return }
        while stopWords.fieldCount < documentFields + field { stopWords.endField() }
        stopWords.set(UInt8(word.stopWord), at: word.position)
    }

    /// The form of `term` spelled `folded`, added when new.
    private mutating func form(_ folded: UnsafeBufferPointer<UInt8>, of term: Int) -> Int32 {
        var form = firstForm[term]
        while form >= 0 {
            if formBytes[Int(formStarts[Int(form)])..<Int(formStarts[Int(form) + 1])].elementsEqual(folded) {
                return form
            }
            form = nextForm[Int(form)]
        }
        let new = Int32(nextForm.count)
        nextForm.append(-1)
        formOrdinals.append(formCounts[term])
        formBytes.append(contentsOf: folded)
        formStarts.append(Int32(formBytes.count))
        if lastForm[term] >= 0 { nextForm[Int(lastForm[term])] = new } else { firstForm[term] = new }
        lastForm[term] = new
        formCounts[term] += 1
        return new
    }

    /// Writes the current document's ordinals per term, in the order `IndexSegment` writes its
    /// positions: `order[tokensOfSlot(slot)]` are the tokens of term `slotTerms[slot]`, ascending,
    /// and `ordinalOfToken(token)` is a token's ordinal (from `ordinal(of:term:)`).
    mutating func flushDocument(
        order: [Int32], tokensOfSlot: (Int) -> Range<Int>, slotTerms: [Int32], fieldCount: Int,
        ordinalOfToken: (Int) -> UInt32
    ) {
        while stopWords.fieldCount < documentFields + fieldCount { stopWords.endField() }
        documentFields += fieldCount
        // Writing through the arrays' buffers saves uniqueness checks per slot and per byte. An
        // ordinal takes at most 5 bytes, an owed zero 1.
        var tokenCount = 0
        var owed = 0
        for (slot, term) in slotTerms.enumerated() where formCounts[Int(term)] > 1 {
            tokenCount += tokensOfSlot(slot).count
            owed += Int(pendingZeros[Int(term)])
        }
        var streamBytes = self.streamBytes
        self.streamBytes = ByteLists()
        defer { self.streamBytes = streamBytes }
        streamBytes.withWriter(bytes: 5 * tokenCount + owed, lists: slotTerms.count) { writer in
            streams.withUnsafeMutableBufferPointer { streams in
                pendingZeros.withUnsafeMutableBufferPointer { pendingZeros in
                    formCounts.withUnsafeBufferPointer { formCounts in
                        for (slot, term) in slotTerms.enumerated() {
                            let term = Int(term)
                            let tokens = tokensOfSlot(slot)
                            guard formCounts[term] > 1 else {
                                pendingZeros[term] += UInt32(tokens.count)
                                continue
                            }
                            for _ in 0..<pendingZeros[term] { writer.append(0, to: &streams[term]) }
                            pendingZeros[term] = 0
                            for index in tokens {
                                writer.appendVarInt(ordinalOfToken(Int(order[index])), to: &streams[term])
                            }
                        }
                    }
                }
            }
        }
    }

    /// Appends the ordinals written for local term `term` to `output`.
    func appendStream(of term: Int, to output: inout [UInt8]) {
        streamBytes.append(streams[term], to: &output)
    }

    /// The bytes of `form`.
    func withForm<Result>(_ form: Int32, _ body: (ArraySlice<UInt8>) -> Result) -> Result {
        body(formBytes[Int(formStarts[Int(form)])..<Int(formStarts[Int(form) + 1])])
    }
}
