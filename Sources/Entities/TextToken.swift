/// One word, number or punctuation mark of a text, located by UTF-8 byte offsets into that text
/// (`start` inclusive, `end` exclusive), so that callers can slice the original bytes without
/// re-scanning and offsets stay valid whatever the text's Unicode content.
public struct TextToken: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
    }

    /// Letter-case shape of a word, read once by the segmenter so detection never re-decodes bytes.
    public struct Shape: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The first letter is upper case ("Japan", "U.S.", "McDonald").
        public static let capitalised = Shape(rawValue: 1 << 0)
        /// Every letter is upper case and there are at least two ("NATO", "U.S.", "JAPAN").
        public static let allCaps = Shape(rawValue: 1 << 1)
        /// Holds at least one lower-case letter.
        public static let hasLowercase = Shape(rawValue: 1 << 2)
        /// Ends with a period that belongs to the word: an abbreviation or an initial.
        public static let abbreviation = Shape(rawValue: 1 << 3)
        /// Holds a hyphen between two parts ("Self-Defense", "air-to-air").
        public static let hyphenated = Shape(rawValue: 1 << 4)
    }

    public var start: Int
    public var end: Int
    public var kind: Kind
    public var shape: Shape
    /// Index of the sentence the token belongs to.
    public var sentence: Int

    public init(start: Int, end: Int, kind: Kind, shape: Shape, sentence: Int) {
        self.start = start
        self.end = end
        self.kind = kind
        self.shape = shape
        self.sentence = sentence
    }
}
