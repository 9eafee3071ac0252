import Foundation

/// Mentions and articles of an entity in one period, from the dates of its articles.
public struct TimelinePoint: Sendable, Hashable {
    /// The period's first instant (UTC midnight).
    public var start: Date
    public var mentions: Int
    public var articles: Int
}
