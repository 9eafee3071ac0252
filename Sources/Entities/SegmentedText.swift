/// A text cut into tokens and sentences. Sentences are ranges of token indices; every token also
/// carries its sentence index.
public struct SegmentedText: Sendable {
    public var tokens: [TextToken]
    public var sentences: [Range<Int>]

    public init(tokens: [TextToken], sentences: [Range<Int>]) {
        self.tokens = tokens
        self.sentences = sentences
    }
}
