import Foundation

/// An article as seen from an entity that it mentions.
public struct EntityArticle: Sendable, Hashable {
    /// The article index the caller gave `EntityIndexBuilder.add`.
    public var article: Int
    public var date: Date?
    public var salience: Double
    public var mentionCount: Int
    /// The first mention: its sentence is the one to quote.
    public var firstMention: MentionSpan
}
