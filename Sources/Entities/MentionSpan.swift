/// Where one mention sits in its article, compactly: UTF-8 byte offsets (end exclusive) into the
/// text, or the title when `inTitle` is set, and the sentence index in that same string.
public struct MentionSpan: Sendable, Hashable {
    public var start: Int32
    public var end: Int32
    public var sentence: Int32
    public var inTitle: Bool

    public init(start: Int32, end: Int32, sentence: Int32, inTitle: Bool) {
        self.start = start
        self.end = end
        self.sentence = sentence
        self.inTitle = inTitle
    }

    init(_ mention: EntityMention) {
        self.init(
            start: Int32(clamping: mention.start), end: Int32(clamping: mention.end),
            sentence: Int32(clamping: mention.sentence), inTitle: mention.inTitle)
    }
}
