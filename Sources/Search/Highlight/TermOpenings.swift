/// The openings (first two bytes) of a few terms, to find in raw text the few words that can
/// analyse to one of them without analysing every word.
///
/// What analysis keeps of a word's opening (`SnippetEquivalenceTests` checks it over real words):
/// - A token starts at a letter, digit or ideograph: at a word's start, after a hyphen, or where a
///   number's unit begins ("12bn" -> "12", "bn"). Folding lowercases ASCII letters and leaves ASCII
///   digits alone, so a token starting at an ASCII byte has a term starting with that byte,
///   lowercased. A non-ASCII letter, digit or ideograph may fold to anything: always a candidate.
/// - Porter2 keeps the first letter and, in every stem of two or more letters, the second, except
///   that "dying" -> "die" and its kin turn a second "y" into "i"; a one-letter term matches any
///   word with that first byte ("5" is a part of "5G").
/// - Abbreviations, possessives and apostrophes ("U.S.", "O'Neill") put punctuation second: with
///   a wanted first byte, such words are candidates.
///
/// Tokens never span ASCII whitespace, and the scanner holds no state across it, so a candidate's
/// tokens are found by analysing only its whitespace-delimited chunk, with the same result as
/// analysing the whole text.
struct TermOpenings {
    /// One bit per (first byte, second byte); second byte 0 stands for "no second byte".
    private var bits = [UInt64](repeating: 0, count: 65_536 / 64)
    /// Per byte, whether some term starts with it.
    private var firstBytes = [Bool](repeating: false, count: 256)

    init<Terms: Sequence<String>>(_ terms: Terms) {
        for term in terms {
            var bytes = term.utf8.makeIterator()
            guard let first = bytes.next() else { continue }
            firstBytes[Int(first)] = true
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
            let kind = ByteClass.of(text[index])
            switch kind {
            case .space:
                chunkStart = index + 1
                previous = .space
                index += 1
                continue
            case .punctuation:
                previous = .punctuation
                index += 1
                continue
            case .digit, .letter:
                let startsToken =
                    previous == .space || previous == .punctuation || previous == .digit && kind == .letter
                if !startsToken || !opensLikeTerm(text, at: index, kind: kind) {
                    // The rest of the run starts no token.
                    index += 1
                    while index < count, ByteClass.of(text[index]) == kind { index += 1 }
                    previous = kind
                    continue
                }
            case .high:
                let (value, length) = TokenScanner.decode(text, at: index, lead: text[index])
                switch length == 0 ? .separator : ScalarFolding.shared.kind(of: value) {
                case .letter, .digit, .ideograph:
                    break
                default:
                    // Punctuation, a mark or a joiner starts no token; what follows may.
                    previous = .punctuation
                    index += max(length, 1)
                    continue
                }
            }
            let end = Self.chunkEnd(in: text, atOrAfter: index)
            body(chunkStart..<end)
            index = end
        }
    }

    /// Whether a token starting at the ASCII letter or digit at `index` may have one of the terms.
    @inline(__always)
    private func opensLikeTerm(_ text: UnsafeBufferPointer<UInt8>, at index: Int, kind: ByteClass) -> Bool {
        let first = text[index] | kind.lowercaseBit
        guard firstBytes[Int(first)] else { return false }
        let next = index + 1 < text.count ? text[index + 1] : UInt8(ascii: " ")
        let nextKind = ByteClass.of(next)
        switch nextKind {
        case .space: return contains(first, 0)
        case .digit, .letter: return contains(first, next | nextKind.lowercaseBit)
        case .punctuation, .high: return true
        }
    }
}

extension TermOpenings {
    /// ASCII whitespace: where tokens end and the scanner can start afresh.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { ByteClass.of(byte) == .space }

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
