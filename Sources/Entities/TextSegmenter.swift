/// Cuts text into tokens and sentences over its UTF-8 bytes, without building a `String` per token.
///
/// Abbreviations keep their periods ("U.S.", "Gen.", "Jan.", "Inc.", "J.") and only end a sentence
/// when the next word is one that starts sentences ("The", "He"); possessives ("Japan’s") are split
/// from their word; hyphenated words ("Self-Defense") stay whole, except a lower-case prefix before
/// a capital ("then-President"), which is cut so that the name part stands alone. A blank line
/// always ends a sentence, and so does a single line break after a short line (a headline, a list
/// item, a dateline), while the line breaks of hard-wrapped paragraphs do not.
public struct TextSegmenter: Sendable {
    /// Lines shorter than this many bytes end their sentence at the line break.
    static let shortLine = 60

    public init() {}

    public func segment(_ text: String) -> SegmentedText {
        var text = text
        return text.withUTF8 { segment($0) }
    }

    public func segment(_ bytes: UnsafeBufferPointer<UInt8>) -> SegmentedText {
        var state = SegmenterState(bytes: bytes)
        state.run()
        return SegmentedText(tokens: state.tokens, sentences: state.sentences)
    }
}

/// What one Unicode scalar is to the segmenter.
enum CharacterClass: Equatable {
    case space
    case newline
    case upper
    case lower
    case digit
    case apostrophe
    case hyphen
    case period
    case other
}

extension CharacterClass {
    var isAlphanumeric: Bool { self == .upper || self == .lower || self == .digit }
    var isLetter: Bool { self == .upper || self == .lower }
}

/// Reads scalars from UTF-8 bytes; invalid bytes count as one `other` scalar each, so any input is
/// consumed without a crash.
struct ScalarReader {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The class and byte length of the scalar at `index` (`.space` and length 0 at the end).
    /// Inlined for ASCII, which nearly every byte of English news is; the rest is out of line.
    @inline(__always)
    func classify(_ index: Int) -> (CharacterClass, Int) {
        guard index < bytes.count else { return (.space, 0) }
        let byte = bytes[index]
        guard byte < 0x80 else { return classifyNonASCII(index) }
        switch byte {
        case 0x61...0x7A: return (.lower, 1)
        case 0x41...0x5A: return (.upper, 1)
        case 0x30...0x39: return (.digit, 1)
        case 0x0A: return (.newline, 1)
        case 0x20, 0x09, 0x0D, 0x0B, 0x0C: return (.space, 1)
        case 0x27: return (.apostrophe, 1)
        case 0x2D: return (.hyphen, 1)
        case 0x2E: return (.period, 1)
        default: return (.other, 1)
        }
    }

    @inline(never)
    func classifyNonASCII(_ index: Int) -> (CharacterClass, Int) {
        let (scalar, length) = decode(index)
        guard let scalar else { return (.other, length) }
        switch scalar.value {
        case 0x2018, 0x2019, 0x02BC: return (.apostrophe, length)
        case 0x2010, 0x2011: return (.hyphen, length)
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x3000, 0xFEFF: return (.space, length)
        case 0x2028, 0x2029: return (.newline, length)
        default: break
        }
        let properties = scalar.properties
        if properties.isUppercase { return (.upper, length) }
        if properties.isAlphabetic { return (.lower, length) }
        if properties.numericType != nil { return (.digit, length) }
        return (.other, length)
    }

    /// Decodes one scalar; returns nil (and length 1) for a malformed sequence.
    func decode(_ index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }
}
