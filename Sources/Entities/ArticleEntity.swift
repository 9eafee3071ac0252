/// An entity as one article mentions it: where, and how central it is to the article.
public struct ArticleEntity: Sendable, Hashable {
    /// Index of the entity in `EntityIndex.entities`.
    public var entity: Int
    /// In [0, 1]: more mentions, an earlier first mention and a mention in the title raise it.
    public var salience: Double
    /// In text order, title mentions first.
    public var mentions: [MentionSpan]
}
