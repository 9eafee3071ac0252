/// One place where an article names an entity.
///
/// Offsets are UTF-8 byte offsets, `start` inclusive and `end` exclusive, into the article's text,
/// or into its title when `inTitle` is true. `sentence` indexes the sentences of that same string.
public struct EntityMention: Sendable, Hashable {
    /// The fullest form of the name in the article ("Pete Hegseth" for a mention "Hegseth";
    /// "United States" for "U.S.").
    public var name: String
    /// The words as written.
    public var surface: String
    public var type: EntityType
    public var start: Int
    public var end: Int
    public var sentence: Int
    public var inTitle: Bool
    /// How sure the article is of `type`: 0 a guess from the name's shape, 1 weak context ("in"),
    /// 2 context or a partial gazetteer match, 3 a title, an exact gazetteer match or a head word.
    public var evidence: Int

    public init(
        name: String, surface: String, type: EntityType, start: Int, end: Int, sentence: Int, inTitle: Bool,
        evidence: Int = 0
    ) {
        self.name = name
        self.surface = surface
        self.type = type
        self.start = start
        self.end = end
        self.sentence = sentence
        self.inTitle = inTitle
        self.evidence = evidence
    }
}
