import Dispatch
import Synchronization

/// What a quoted phrase needs to match words as typed (folded, not stemmed) on a stemmed index:
/// the folded forms each term was indexed from, per occurrence which form it was (in a stream
/// beside the positions that only exact phrases read, `ExactPhraseCursor`), and which stop word
/// stands where (`StopWordMap`).
///
/// - A term with no listed form was always spelled as itself ("strike" only ever from "strike"),
///   and a term with one listed form always as that form: neither has a stream.
/// - A term with two or more forms has, per occurrence in the order of its positions, the ordinal
///   of its form in its list, in `ordinalWidth` bits (1 for two forms, 2 for up to four, 4, 8, 16
///   or 32), packed from the low bits of its first byte up: occurrence `i` of the term is found
///   from `i` alone (`ordinal(at:)`). At 100,000 articles 12.3 million occurrences take 3.8 MB,
///   where a `VarInt` each took 12.3 MB.
struct ExactForms: Sendable {
    /// Per term: the range of its forms in `formOffsets` (`formRanges[term]..<formRanges[term + 1]`).
    let formRanges: [UInt32]
    /// Per form: its bytes in `formBytes[formOffsets[form]..<formOffsets[form + 1]]`.
    let formOffsets: [UInt32]
    let formBytes: [UInt8]
    /// Per term: its packed ordinals in `stream[streamStarts[term]..<streamStarts[term + 1]]`.
    let streamStarts: [UInt32]
    let stream: [UInt8]
    let stopWords: StopWordMap

    /// No term has forms or ordinals: what an index built without them holds.
    static let empty = ExactForms(
        formRanges: [], formOffsets: [0], formBytes: [], streamStarts: [], stream: [], stopWords: StopWordMap())

    /// Which occurrences of `term` (named `name`) were spelled `folded`.
    enum Match: Equatable {
        /// None: the term was never indexed from that spelling.
        case none
        /// Every occurrence.
        case every
        /// The occurrences whose ordinal is this one.
        case ordinal(UInt32)
    }

    func match(_ folded: String, term: Int32, name: String) -> Match {
        let forms = Int(formRanges[Int(term)])..<Int(formRanges[Int(term) + 1])
        if forms.isEmpty { return folded == name ? .every : .none }
        let wanted = Array(folded.utf8)
        for form in forms {
            let bytes = formBytes[Int(formOffsets[form])..<Int(formOffsets[form + 1])]
            if bytes.elementsEqual(wanted) {
                return forms.count == 1 ? .every : .ordinal(UInt32(form - forms.lowerBound))
            }
        }
        return .none
    }

    /// Bits per ordinal of a term with `formCount` forms (two or more).
    static func ordinalWidth(formCount: Int) -> Int {
        var width = 1
        while width < 32, formCount > 1 << width { width *= 2 }
        return width
    }

    /// Bits per ordinal of `term`'s stream (meaningless for a term without one).
    @inline(__always)
    func ordinalWidth(of term: Int32) -> Int {
        Self.ordinalWidth(formCount: Int(formRanges[Int(term) + 1] - formRanges[Int(term)]))
    }

    /// The ordinal of occurrence `index` in a stream of `width`-bit ordinals starting at `start`.
    @inline(__always)
    static func ordinal(at index: Int, in stream: UnsafeBufferPointer<UInt8>, start: Int, width: Int) -> UInt32 {
        let bit = index &* width
        let byte = start &+ bit >> 3
        if width <= 8 { return UInt32(stream[byte] >> UInt8(bit & 7)) & (1 << UInt32(width) &- 1) }
        var value: UInt32 = 0
        for offset in 0..<(width >> 3) { value |= UInt32(stream[byte &+ offset]) << UInt32(8 &* offset) }
        return value
    }

    /// Appends `ordinals` packed in `width` bits each, from a new byte.
    static func pack(_ ordinals: [UInt32], width: Int, to stream: inout [UInt8]) {
        let start = stream.count
        stream.append(contentsOf: repeatElement(0, count: (ordinals.count * width + 7) / 8))
        for (index, ordinal) in ordinals.enumerated() {
            let bit = index * width
            if width <= 8 {
                stream[start + bit >> 3] |= UInt8(ordinal << UInt32(bit & 7))
            } else {
                for offset in 0..<(width >> 3) {
                    stream[start + bit >> 3 + offset] = UInt8(truncatingIfNeeded: ordinal >> UInt32(8 * offset))
                }
            }
        }
    }

    var byteCount: Int {
        (formRanges.count + formOffsets.count + streamStarts.count) * 4 + formBytes.count + stream.count
            + stopWords.byteCount
    }
}

extension ExactForms {
    /// Merges the segments' recorders: per term, its forms in the order the segments first met
    /// them, and its ordinals re-numbered to that order; terms are merged in parallel by ranges.
    /// `localIDs[segment][term]` is the term's id in the segment or -1; `names` are the terms.
    init(merging recorders: [ExactFormRecorder], localIDs: [[Int32]], names: [String], concurrency: Int) {
        struct Part {
            var formCounts: [UInt32] = []
            var formLengths: [UInt32] = []
            var formBytes: [UInt8] = []
            var streamLengths: [UInt32] = []
            var stream: [UInt8] = []
        }
        let termCount = names.count
        let partCount = max(1, min(concurrency * 2, termCount / 1024 + 1))
        let slots = Mutex<[Part]>(Array(repeating: Part(), count: partCount))
        DispatchQueue.concurrentPerform(iterations: partCount) { partIndex in
            var part = Part()
            var forms: [ArraySlice<UInt8>] = []
            var mapping: [UInt32] = []
            var ordinals: [UInt32] = []
            for term in (termCount * partIndex / partCount)..<(termCount * (partIndex + 1) / partCount) {
                forms.removeAll(keepingCapacity: true)
                var mappings: [[UInt32]] = []
                // By index: `for recorder in recorders` copied every recorder for every term.
                for segment in recorders.indices {
                    let local = localIDs[segment][term]
                    mapping.removeAll(keepingCapacity: true)
                    var form = local >= 0 ? recorders[segment].firstForm[Int(local)] : -1
                    while form >= 0 {
                        recorders[segment].withForm(form) { bytes in
                            if let known = forms.firstIndex(where: { $0.elementsEqual(bytes) }) {
                                mapping.append(UInt32(known))
                            } else {
                                mapping.append(UInt32(forms.count))
                                forms.append(bytes)
                            }
                        }
                        form = recorders[segment].nextForm[Int(form)]
                    }
                    mappings.append(mapping)
                }
                let listed = forms.count > 1 || forms.count == 1 && !forms[0].elementsEqual(names[term].utf8)
                part.formCounts.append(listed ? UInt32(forms.count) : 0)
                if listed {
                    for form in forms {
                        part.formLengths.append(UInt32(form.count))
                        part.formBytes += form
                    }
                }
                let before = part.stream.count
                if forms.count > 1 {
                    ordinals.removeAll(keepingCapacity: true)
                    for segment in recorders.indices {
                        let local = Int(localIDs[segment][term])
                        guard local >= 0 else { continue }
                        Self.appendOrdinals(
                            of: recorders[segment], term: local, mapping: mappings[segment], to: &ordinals)
                    }
                    Self.pack(ordinals, width: Self.ordinalWidth(formCount: forms.count), to: &part.stream)
                }
                part.streamLengths.append(UInt32(part.stream.count - before))
            }
            slots.withLock { $0[partIndex] = part }
        }
        let parts = slots.withLock { $0 }
        var formRanges: [UInt32] = [0]
        var formOffsets: [UInt32] = [0]
        var streamStarts: [UInt32] = [0]
        formRanges.reserveCapacity(termCount + 1)
        streamStarts.reserveCapacity(termCount + 1)
        var formBytes: [UInt8] = []
        var stream: [UInt8] = []
        formBytes.reserveCapacity(parts.reduce(0) { $0 + $1.formBytes.count })
        stream.reserveCapacity(parts.reduce(0) { $0 + $1.stream.count })
        for part in parts {
            for count in part.formCounts { formRanges.append(formRanges[formRanges.count - 1] + count) }
            for length in part.formLengths { formOffsets.append(formOffsets[formOffsets.count - 1] + length) }
            for length in part.streamLengths { streamStarts.append(streamStarts[streamStarts.count - 1] + length) }
            formBytes += part.formBytes
            stream += part.stream
        }
        self.init(
            formRanges: formRanges, formOffsets: formOffsets, formBytes: formBytes, streamStarts: streamStarts,
            stream: stream, stopWords: StopWordMap(concatenating: recorders.map(\.stopWords)))
    }

    /// One segment's ordinals of a term, re-numbered by `mapping`.
    private static func appendOrdinals(
        of recorder: ExactFormRecorder, term: Int, mapping: [UInt32], to ordinals: inout [UInt32]
    ) {
        if recorder.formCounts[term] <= 1 {
            ordinals.append(contentsOf: repeatElement(mapping.first ?? 0, count: Int(recorder.pendingZeros[term])))
            return
        }
        var bytes: [UInt8] = []
        recorder.appendStream(of: term, to: &bytes)
        bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count { ordinals.append(mapping[Int(VarInt.read(bytes, &offset))]) }
        }
    }
}
