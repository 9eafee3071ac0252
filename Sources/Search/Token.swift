/// One unit of analysed text: the indexed term, its position in the field (for phrases) and the
/// UTF-8 byte range it came from in the original text (for snippets and highlighting).
public struct Token: Sendable, Hashable {
    public var term: String
    public var position: Int
    public var start: Int
    public var end: Int
    /// How many positions the token covers. A hyphenated word ("Indo-Pacific") is emitted whole with
    /// the span of its parts, and each part at its own position with span 1, so a phrase query can be
    /// matched through the parts while the whole stays findable as one word.
    public var span: Int

    public init(term: String, position: Int, start: Int, end: Int, span: Int = 1) {
        self.term = term
        self.position = position
        self.start = start
        self.end = end
        self.span = span
    }
}
