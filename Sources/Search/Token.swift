/// One unit of analysed text: the indexed term, its position in the field (for phrases) and the
/// UTF-8 byte range it came from in the original text (for snippets and highlighting).
public struct Token: Sendable, Hashable {
    public var term: String
    public var position: Int
    public var start: Int
    public var end: Int

    public init(term: String, position: Int, start: Int, end: Int) {
        self.term = term
        self.position = position
        self.start = start
        self.end = end
    }
}
