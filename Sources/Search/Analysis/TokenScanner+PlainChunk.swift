extension TokenScanner {
    /// What a whitespace-free chunk of plain ASCII analyses to, found without the scanner.
    enum PlainChunk {
        /// Not plain: the scanner must read it.
        case other
        /// Punctuation only: no word.
        case empty
        /// One word, its letters at `start..<end`; `hasUppercase` when folding must lowercase some.
        case word(start: Int, end: Int, hasUppercase: Bool)
    }

    /// Reads `text[range]` as ASCII punctuation, ASCII letters, ASCII punctuation (most chunks of
    /// English text: "market", "(markets),", "\"fell\"."). Such a chunk is exactly one word, its
    /// letters lowercased: the scanner skips punctuation before a word; with no letter or digit
    /// after the letters, nothing continues the word (no possessive "'s", no abbreviation's next
    /// letter, no hyphenated part, no unit) and nothing after it starts another. Digits, non-ASCII
    /// bytes and whitespace make the chunk `other`. `SnippetEquivalenceTests` and
    /// `PlainChunkTests` hold this to the scanner.
    static func plainChunk(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> PlainChunk {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end, isPlainPunctuation(text[index]) { index += 1 }
        let start = index
        var hasUppercase = false
        while index < end {
            let byte = text[index]
            if byte &- UInt8(ascii: "a") < 26 {
                index += 1
            } else if byte &- UInt8(ascii: "A") < 26 {
                hasUppercase = true
                index += 1
            } else {
                break
            }
        }
        let wordEnd = index
        while index < end, isPlainPunctuation(text[index]) { index += 1 }
        guard index == end else { return .other }
        return start == wordEnd ? .empty : .word(start: start, end: wordEnd, hasUppercase: hasUppercase)
    }

    /// Printable ASCII that is no letter, digit or space.
    @inline(__always)
    private static func isPlainPunctuation(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && (byte | 0x20) &- UInt8(ascii: "a") >= 26
            && byte &- UInt8(ascii: "0") >= 10
    }
}
