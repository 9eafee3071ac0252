/// The openings (first two bytes) of a few terms, to find in raw text the few words that can
/// analyse to one of them without analysing every word.
///
/// What analysis keeps of a word's opening (`TermOpeningsTests` checks each over real words):
/// - Folding lowercases ASCII letters and leaves ASCII digits alone; anything else it may change,
///   so a word with a non-ASCII byte in its first two is always a candidate.
/// - Porter2 keeps the first letter and, in every stem of two or more letters, the second, except
///   that "dying" -> "die" and its kin turn a second "y" into "i"; a one-letter term matches any
///   word with that first byte ("5" is a part of "5G").
/// - Abbreviations, possessives and apostrophes ("U.S.", "O'Neill") put punctuation second, and
///   numbers cut off their unit ("12bn" -> "12", "bn"), so a part can start after a digit: such
///   words are candidates.
///
/// Tokens never span ASCII whitespace, and the scanner holds no state across it, so a candidate's
/// tokens are found by analysing only its whitespace-delimited chunk, with the same result as
/// analysing the whole text.
struct TermOpenings {
    /// One bit per (first byte, second byte); second byte 0 stands for "no second byte".
    private var bits = [UInt64](repeating: 0, count: 65_536 / 64)

    init<Terms: Sequence<String>>(_ terms: Terms) {
        for term in terms {
            var bytes = term.utf8.makeIterator()
            guard let first = bytes.next() else { continue }
            guard let second = bytes.next() else {
                for next in 0...255 { insert(first, UInt8(next)) }
                continue
            }
            insert(first, second)
            if second == UInt8(ascii: "i") { insert(first, UInt8(ascii: "y")) }
        }
    }

    private mutating func insert(_ first: UInt8, _ second: UInt8) {
        let key = Int(first) << 8 | Int(second)
        bits[key >> 6] |= 1 << UInt64(key & 63)
    }

    @inline(__always)
    private func contains(_ first: UInt8, _ second: UInt8) -> Bool {
        let key = Int(first) << 8 | Int(second)
        return bits[key >> 6] & (1 << UInt64(key & 63)) != 0
    }

    /// Whether a folded word (as the analyzer passes it, before stemming) opens like a term.
    func admits(folded word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        return contains(first, word.count > 1 ? word[1] : 0)
    }

    /// Calls `body(range)` for each whitespace-delimited chunk of `text` holding a word that may
    /// analyse to one of the terms, in text order: every chunk holding such a word is reported.
    func forEachCandidateChunk(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        let count = text.count
        var chunkStart = 0
        var previous = ByteClass.space
        var index = 0
        while index < count {
            let byte = text[index]
            let kind = ByteClass.of(byte)
            var candidate = false
            switch kind {
            case .space:
                chunkStart = index + 1
            case .punctuation:
                break
            case .high:
                candidate = true
            case .digit, .letter:
                // A word starts after a non-word byte; a unit's part starts after a digit.
                if previous.isPunctuationOrSpace || (kind == .letter && previous == .digit) {
                    let next = index + 1 < count ? text[index + 1] : UInt8(ascii: " ")
                    switch ByteClass.of(next) {
                    case .space: candidate = contains(byte | kind.lowercaseBit, 0)
                    case .digit, .letter:
                        candidate = contains(byte | kind.lowercaseBit, next | ByteClass.of(next).lowercaseBit)
                    case .punctuation, .high: candidate = true
                    }
                }
            }
            if candidate {
                var end = index + 1
                while end < count, ByteClass.of(text[end]) != .space { end += 1 }
                body(chunkStart..<end)
                index = end
                previous = .space
                continue
            }
            previous = kind
            index += 1
        }
    }
}

extension TermOpenings {
    /// The start of the whitespace-delimited chunk holding `offset` (`offset` itself after whitespace).
    static func chunkStart(in text: UnsafeBufferPointer<UInt8>, atOrBefore offset: Int) -> Int {
        var index = max(0, min(offset, text.count))
        while index > 0, ByteClass.of(text[index - 1]) != .space { index -= 1 }
        return index
    }

    /// The end of the whitespace-delimited chunk holding `offset` (`offset` itself at whitespace).
    static func chunkEnd(in text: UnsafeBufferPointer<UInt8>, atOrAfter offset: Int) -> Int {
        var index = max(0, min(offset, text.count))
        while index < text.count, ByteClass.of(text[index]) != .space { index += 1 }
        return index
    }
}

/// What a raw byte says about word boundaries, before any decoding.
private enum ByteClass: UInt8 {
    case space
    case punctuation
    case digit
    case letter
    /// Part of a multi-byte character (or invalid UTF-8): may be a letter, a mark, anything.
    case high

    private static let table: [ByteClass] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C: return .space
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case 0x80...: return .high
        default: return .punctuation
        }
    }

    @inline(__always)
    static func of(_ byte: UInt8) -> ByteClass { table[Int(byte)] }

    var isPunctuationOrSpace: Bool { self == .space || self == .punctuation }

    /// OR-ed into a byte of this class, lowercases it as folding does (letters only).
    var lowercaseBit: UInt8 { self == .letter ? 0x20 : 0 }
}
