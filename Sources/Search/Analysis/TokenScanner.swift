/// Cuts UTF-8 text into folded terms in one pass over the bytes. The rules are described on
/// `Tokenizer`; this type holds the cursor and the scratch buffers so a caller that analyses many
/// texts allocates them once.
struct TokenScanner {
    /// One part of a word: a hyphen-separated piece, or the number and the unit of "1.13bn".
    private struct Part {
        var termStart: Int
        var termEnd: Int
        var sourceStart: Int
        var sourceEnd: Int
        var hasLetter: Bool
    }

    private let folding = ScalarFolding.shared
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var index = 0
    private var position = 0
    /// Folded bytes of the current word's parts, back to back, so the whole word is one slice.
    private var buffer: [UInt8] = []
    private var parts: [Part] = []
    /// Bit `b` set for each ASCII byte `b` after which a word of ASCII letters is plain (see
    /// `plainWordEnd()`): separators, dots and commas, as `ScalarFolding` classifies them.
    private let plainWordEnds: (low: UInt64, high: UInt64)
    /// Off only in tests, which hold the plain-word path to the general one.
    var readsPlainWordsDirectly = true

    init() {
        buffer.reserveCapacity(256)
        parts.reserveCapacity(8)
        var ends: (low: UInt64, high: UInt64) = (0, 0)
        for byte in UInt8(0)..<0x80
        where [.separator, .dot, .comma].contains(ScalarFolding.shared.kind(of: UInt32(byte))) {
            if byte < 64 { ends.low |= 1 << UInt64(byte) } else { ends.high |= 1 << UInt64(byte - 64) }
        }
        plainWordEnds = ends
    }

    /// Calls `body(term, position, span, start, end)` for every term of `text`. `term` is valid only
    /// during the call.
    mutating func scan(
        _ text: UnsafeBufferPointer<UInt8>,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ position: Int, _ span: Int, _ start: Int, _ end: Int) -> Void
    ) {
        bytes = text
        index = 0
        position = 0
        defer { bytes = UnsafeBufferPointer(start: nil, count: 0) }
        while index < bytes.count {
            let (kind, length, value) = character(at: index)
            switch kind {
            case .letter where readsPlainWordsDirectly && value < 0x80:
                if let end = plainWordEnd() {
                    emitPlainWord(end: end, body)
                } else {
                    readWord()
                    emitWord(body)
                }
            case .letter, .digit:
                readWord()
                emitWord(body)
            case .ideograph:
                buffer.removeAll(keepingCapacity: true)
                folding.appendFolded(value, to: &buffer)
                buffer.withUnsafeBufferPointer { body($0, position, 1, index, index + length) }
                position += 1
                index += length
            default:
                index += length
            }
        }
    }

    // MARK: Characters

    /// The kind, encoded length and scalar value of the character at `offset`. Invalid UTF-8 reads
    /// as a one-byte separator, so malformed input cannot stall or crash the scan.
    @inline(__always)
    private func character(at offset: Int) -> (kind: CharacterKind, length: Int, value: UInt32) {
        let lead = bytes[offset]
        if lead < 0x80 { return (folding.kind(of: UInt32(lead)), 1, UInt32(lead)) }
        let (value, length) = Self.decode(bytes, at: offset, lead: lead)
        guard length > 0 else { return (.separator, 1, 0xFFFD) }
        return (folding.kind(of: value), length, value)
    }

    @inline(__always)
    private func kind(at offset: Int) -> CharacterKind {
        offset < bytes.count ? character(at: offset).kind : .separator
    }

    /// Decodes one multi-byte scalar; length 0 marks a malformed or truncated sequence.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, lead: UInt8) -> (value: UInt32, length: Int)
    {
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
        default: return (0, 0)
        }
        guard offset + length <= bytes.count else { return (0, 0) }
        for next in bytes[(offset + 1)..<(offset + length)] {
            guard next & 0xC0 == 0x80 else { return (0, 0) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return (0, 0) }
        return (value, length)
    }

    @inline(__always)
    private mutating func appendFolded(_ value: UInt32) {
        if value < 0x80 {
            let byte = UInt8(value)
            buffer.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        } else {
            folding.appendFolded(value, to: &buffer)
        }
    }

    // MARK: Words

    /// Where the word at `index` ends when it is plain: ASCII letters up to the text's end or a
    /// byte in `plainWordEnds`, so nothing the general path handles can apply (no digit or unit,
    /// no apostrophe, hyphen or "&", no non-ASCII letter, mark or ignorable, no abbreviation:
    /// a dot after a single letter is not plain). Nil for any other word. Most words of English
    /// text are plain, and skip the parts and the copy.
    @inline(__always)
    private func plainWordEnd() -> Int? {
        var end = index + 1
        while end < bytes.count, (bytes[end] | 0x20) &- UInt8(ascii: "a") < 26 { end += 1 }
        guard end < bytes.count else { return end }
        let next = bytes[end]
        guard next < 0x80 else { return nil }
        let mask = next < 64 ? plainWordEnds.low >> UInt64(next) : plainWordEnds.high >> UInt64(next - 64)
        guard mask & 1 == 1 else { return nil }
        return next == UInt8(ascii: ".") && end - index == 1 ? nil : end
    }

    /// Reports the plain word `bytes[index..<end]` as `emitWord` reports a one-part word: its
    /// letters lowercased (the source itself when it has no capital), unless over long.
    @inline(__always)
    private mutating func emitPlainWord(
        end: Int,
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ position: Int, _ span: Int, _ start: Int, _ end: Int) -> Void
    ) {
        let start = index
        index = end
        defer { position += 1 }
        guard end - start <= Tokenizer.maximumTermLength else { return }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard word.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) else {
            return body(word, position, 1, start, end)
        }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: word)
        buffer.withUnsafeMutableBufferPointer { folded in
            for offset in folded.indices { folded[offset] |= 0x20 }
            body(UnsafeBufferPointer(folded), position, 1, start, end)
        }
    }

    /// Reads a word starting at a letter or digit: pieces joined by hyphens.
    private mutating func readWord() {
        buffer.removeAll(keepingCapacity: true)
        parts.removeAll(keepingCapacity: true)
        readPiece()
        while index < bytes.count {
            let (kind, length, _) = character(at: index)
            guard kind == .hyphen else { break }
            let next = self.kind(at: index + length)
            guard next == .letter || next == .digit else { break }
            index += length
            readPiece()
        }
    }

    /// Reads an abbreviation or a plain piece and records it as one or two parts.
    private mutating func readPiece() {
        if readAbbreviation() { return }
        let start = index
        let termStart = buffer.count
        let startsWithDigit = character(at: index).kind == .digit
        var last = CharacterKind.separator
        var hasLetter = false
        var split: (term: Int, source: Int)?
        var end = index
        scanning: while index < bytes.count {
            let (kind, length, value) = character(at: index)
            switch kind {
            case .letter:
                if startsWithDigit, last == .digit, split == nil { split = (buffer.count, index) }
                if value < 0x80 {
                    appendASCIILetters()
                } else {
                    appendFolded(value)
                    index += length
                }
                hasLetter = true
                last = .letter
                end = index
            case .digit:
                appendFolded(value)
                last = .digit
                index += length
                end = index
            case .mark:
                appendFolded(value)
                index += length
                end = index
            case .ignorable:
                index += length
            case .apostrophe:
                guard last == .letter || last == .digit else { break scanning }
                if let possessiveEnd = possessiveEnd(at: index) {
                    index = possessiveEnd
                    end = index
                    break scanning
                }
                guard last == .letter, self.kind(at: index + length) == .letter else { break scanning }
                index += length
            case .dot:
                guard last == .digit, self.kind(at: index + 1) == .digit else { break scanning }
                buffer.append(UInt8(ascii: "."))
                last = .dot
                index += 1
            case .comma:
                guard last == .digit, isThousandsGroup(at: index + 1) else { break scanning }
                index += 1
            default:
                break scanning
            }
        }
        if let split {
            parts.append(
                Part(
                    termStart: termStart, termEnd: split.term, sourceStart: start, sourceEnd: split.source,
                    hasLetter: false))
            parts.append(
                Part(
                    termStart: split.term, termEnd: buffer.count, sourceStart: split.source, sourceEnd: end,
                    hasLetter: true))
        } else {
            parts.append(
                Part(
                    termStart: termStart, termEnd: buffer.count, sourceStart: start, sourceEnd: end,
                    hasLetter: hasLetter))
        }
    }

    /// The fast path for English: copies a run of ASCII letters at once and lowercases it in place
    /// (setting bit 5 lowercases an ASCII letter and leaves a lowercase one alone).
    @inline(__always)
    private mutating func appendASCIILetters() {
        var runEnd = index + 1
        while runEnd < bytes.count, (bytes[runEnd] | 0x20) &- UInt8(ascii: "a") < 26 { runEnd += 1 }
        let from = buffer.count
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
        buffer.withUnsafeMutableBufferPointer { folded in
            for offset in from..<folded.count { folded[offset] |= 0x20 }
        }
        index = runEnd
    }

    /// Single letters each followed by a dot ("U.S.", "e.g.", "U.S.A"): at least two letters, read
    /// as one word without the dots.
    private mutating func readAbbreviation() -> Bool {
        let (firstKind, firstLength, _) = character(at: index)
        guard firstKind == .letter, index + firstLength < bytes.count,
            bytes[index + firstLength] == UInt8(ascii: ".")
        else { return false }
        let start = index
        let termStart = buffer.count
        var cursor = index
        var letters = 0
        var end = index
        while cursor < bytes.count {
            let (kind, length, value) = character(at: cursor)
            guard kind == .letter else { break }
            let next = cursor + length
            if next < bytes.count, bytes[next] == UInt8(ascii: ".") {
                appendFolded(value)
                letters += 1
                cursor = next + 1
                end = cursor
                continue
            }
            if letters > 0, !self.kind(at: next).isWordCharacter {
                appendFolded(value)
                letters += 1
                end = next
            }
            break
        }
        guard letters >= 2 else {
            buffer.removeSubrange(termStart...)
            return false
        }
        index = end
        if kind(at: index) == .apostrophe, let possessiveEnd = possessiveEnd(at: index) {
            index = possessiveEnd
            end = index
        }
        parts.append(
            Part(termStart: termStart, termEnd: buffer.count, sourceStart: start, sourceEnd: end, hasLetter: true))
        return true
    }

    /// Where "'s" ends when the apostrophe at `offset` starts a possessive ("Japan's", "Japan’s").
    private func possessiveEnd(at offset: Int) -> Int? {
        let s = offset + character(at: offset).length
        guard s < bytes.count, bytes[s] | 0x20 == UInt8(ascii: "s"), !kind(at: s + 1).isWordCharacter else {
            return nil
        }
        return s + 1
    }

    /// A comma inside a number is a thousands separator only before exactly three digits
    /// ("50,000"), not in a list ("1,2,3").
    private func isThousandsGroup(at offset: Int) -> Bool {
        guard offset + 3 <= bytes.count else { return false }
        for byte in bytes[offset..<(offset + 3)] where byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
            return false
        }
        return kind(at: offset + 3) != .digit
    }

    private mutating func emitWord(
        _ body: (_ term: UnsafeBufferPointer<UInt8>, _ position: Int, _ span: Int, _ start: Int, _ end: Int) -> Void
    ) {
        let maximum = Tokenizer.maximumTermLength
        let count = parts.count
        buffer.withUnsafeBufferPointer { terms in
            if count > 1, parts.contains(where: \.hasLetter) {
                let first = parts[0]
                let last = parts[count - 1]
                if last.termEnd - first.termStart <= maximum {
                    body(
                        UnsafeBufferPointer(rebasing: terms[first.termStart..<last.termEnd]), position, count,
                        first.sourceStart, last.sourceEnd)
                }
            }
            for (offset, part) in parts.enumerated() where part.termEnd - part.termStart <= maximum {
                body(
                    UnsafeBufferPointer(rebasing: terms[part.termStart..<part.termEnd]), position + offset, 1,
                    part.sourceStart, part.sourceEnd)
            }
        }
        position += count
    }
}
