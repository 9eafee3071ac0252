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
/// - Beyond the opening: Porter2 only rewrites a word's last letters (a suffix dropped or replaced,
///   "y" -> "i", an "e" added), so a word's folded form starts with all but the last letter of its
///   stem, or all but the last two for a stem ending in "ble" or "ie" ("possibility" ->
///   "possibl", "dying" -> "die"): `requiredPrefix(of:)`, which `StemPrefixTests` checks over a
///   large word list. Where every term has such a prefix longer than the opening, a word is a
///   candidate only if it starts with one.
///
/// Tokens never span ASCII whitespace, and the scanner holds no state across it, so a candidate's
/// tokens are found by analysing only its whitespace-delimited chunk, with the same result as
/// analysing the whole text.
struct TermOpenings {
    /// One bit per (first byte, second byte); second byte 0 stands for "no second byte".
    private var bits = [UInt64](repeating: 0, count: 65_536 / 64)
    /// Per byte, whether some term starts with it.
    private var firstBytes = [Bool](repeating: false, count: 256)
    /// Per raw byte, whether the scan must look at it: any non-ASCII byte, and the ASCII letters
    /// and digits (either case) that open a term.
    private var notable = [Bool](repeating: false, count: 256)
    /// When terms open with at most two ASCII bytes, those bytes repeated eight times, so eight
    /// bytes of text are tested at once (`SWAR`); nil for more.
    private var wordPatterns: (UInt64, UInt64)?
    /// Per term, `requiredPrefix(of:)`; empty when some term has none, as the opening must do.
    private var prefixes: [[UInt8]] = []

    /// What a word that analyses to `term` starts with (see above), when longer than the opening.
    static func requiredPrefix(of term: some Collection<UInt8>) -> [UInt8]? {
        let dropped = term.reversed().starts(with: "elb".utf8) || term.reversed().starts(with: "ei".utf8) ? 2 : 1
        return term.count - dropped > 2 ? Array(term.dropLast(dropped)) : nil
    }

    init<Terms: Sequence<String>>(_ terms: Terms) {
        var everyTermPrefixed = true
        for term in terms {
            if let prefix = Self.requiredPrefix(of: term.utf8) {
                prefixes.append(prefix)
            } else {
                everyTermPrefixed = false
            }
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
        if !everyTermPrefixed { prefixes = [] }
        var asciiOpenings: [UInt8] = []
        for byte in 0...255 {
            let kind = ByteClass.of(UInt8(byte))
            notable[byte] =
                kind == .high || (kind == .letter || kind == .digit) && firstBytes[Int(UInt8(byte) | kind.lowercaseBit)]
            if kind != .high, firstBytes[byte] { asciiOpenings.append(UInt8(byte)) }
        }
        if asciiOpenings.count <= 2 {
            // A byte OR 0x20 equals a lowercase letter only for that letter in either case; an
            // unmatched pattern (zero) never matches, since no byte OR 0x20 is zero.
            let repeated = { (byte: UInt8) in UInt64(byte) &* 0x0101_0101_0101_0101 }
            wordPatterns = (
                repeated(asciiOpenings.first ?? 0), repeated(asciiOpenings.count > 1 ? asciiOpenings[1] : 0)
            )
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

    /// Whether a folded word (as the analyzer passes it, before stemming) opens like a term and,
    /// where terms have them, starts with a term's prefix.
    func admits(folded word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, contains(first, word.count > 1 ? word[1] : 0) else { return false }
        return prefixes.isEmpty || prefixes.contains { word.starts(with: $0) }
    }

    /// Whether the raw bytes from `index` may fold to a word starting with one of `prefixes`:
    /// ASCII letters (either case) and digits must match; whitespace or the text's end means the
    /// word is too short; any other byte (punctuation that may join words, a multi-byte
    /// character) may fold to anything, so the word stays a candidate.
    @inline(__always)
    private func mayStartWithPrefix(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard !prefixes.isEmpty else { return true }
        return prefixes.contains { prefix in
            for (offset, wanted) in prefix.enumerated() {
                guard index + offset < text.count else { return false }
                let byte = text[index + offset]
                switch ByteClass.of(byte) {
                case .letter: if byte | 0x20 != wanted { return false }
                case .digit: if byte != wanted { return false }
                case .space: return false
                case .punctuation, .high: return true
                }
            }
            return true
        }
    }

    /// Calls `body(range)` for each whitespace-delimited chunk of `text` holding a word that may
    /// analyse to one of the terms, in text order: every chunk holding such a word is reported.
    func forEachCandidateChunk(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0
        while let position = nextNotable(in: text, from: index) {
            let byte = text[position]
            if byte >= 0x80 {
                let (value, length) = TokenScanner.decode(text, at: position, lead: byte)
                switch length == 0 ? .separator : ScalarFolding.shared.kind(of: value) {
                case .letter, .digit, .ideograph:
                    break
                default:
                    // Punctuation, a mark or a joiner starts no token; what follows may.
                    index = position + max(length, 1)
                    continue
                }
            } else {
                // A token starts after a byte that is no ASCII letter or digit, or where a unit
                // follows a number ("12bn").
                let kind = ByteClass.of(byte)
                let previous = position > 0 ? ByteClass.of(text[position - 1]) : .space
                let startsToken = previous != .letter && previous != .digit || previous == .digit && kind == .letter
                guard startsToken, opensLikeTerm(text, at: position, kind: kind) else {
                    index = position + 1
                    continue
                }
            }
            let end = Self.chunkEnd(in: text, atOrAfter: position)
            body(Self.chunkStart(in: text, atOrBefore: position)..<end)
            index = end
        }
    }

    /// The first notable byte at or after `start`, eight bytes at a time where the patterns allow.
    @inline(__always)
    private func nextNotable(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let count = text.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            if let (first, second) = wordPatterns, index + 8 <= count, let base = text.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let folded = word | 0x2020_2020_2020_2020
                let a = folded ^ first
                let b = folded ^ second
                // Nonzero when some byte is non-ASCII or equals a pattern byte (a zero in a or b).
                if (word | (a &- ones) & ~a | (b &- ones) & ~b) & highs != 0 {
                    for candidate in index..<(index + 8) where notable[Int(text[candidate])] { return candidate }
                }
                index += 8
                continue
            }
            if notable[Int(text[index])] { return index }
            index += 1
        }
        return nil
    }

    /// Whether a token starting at the ASCII letter or digit at `index` may have one of the terms.
    @inline(__always)
    private func opensLikeTerm(_ text: UnsafeBufferPointer<UInt8>, at index: Int, kind: ByteClass) -> Bool {
        let first = text[index] | kind.lowercaseBit
        guard firstBytes[Int(first)] else { return false }
        let next = index + 1 < text.count ? text[index + 1] : UInt8(ascii: " ")
        let nextKind = ByteClass.of(next)
        switch nextKind {
        case .space: return contains(first, 0) && prefixes.isEmpty
        case .digit, .letter:
            return contains(first, next | nextKind.lowercaseBit) && mayStartWithPrefix(text, at: index)
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

    /// By comparisons, not a table: a static table costs a `swift_once` check per read where the
    /// compiler cannot hoist it, and the scans below call this for every byte they pass.
    @inline(__always)
    static func of(_ byte: UInt8) -> ByteClass {
        if byte >= 0x80 { return .high }
        if (byte | 0x20) &- UInt8(ascii: "a") < 26 { return .letter }
        if byte &- UInt8(ascii: "0") < 10 { return .digit }
        // Space, and tab to carriage return (\t \n \v \f \r).
        if byte == UInt8(ascii: " ") || byte &- UInt8(ascii: "\t") < 5 { return .space }
        return .punctuation
    }

    /// OR-ed into a byte of this class, lowercases it as folding does (letters only).
    var lowercaseBit: UInt8 { self == .letter ? 0x20 : 0 }
}
