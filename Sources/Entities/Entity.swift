import Foundation

/// One real thing the corpus names, merged over every article and every way it is written.
public struct Entity: Sendable, Hashable {
    /// Another way the entity is written, with how many mentions wrote it so.
    public struct Alias: Sendable, Hashable {
        public var name: String
        public var count: Int
    }

    /// Stable and readable: type and slug ("person/pete-hegseth"); a second entity with the same
    /// slug gets "-2", in a deterministic order.
    public var id: String
    /// The most frequent full form.
    public var name: String
    /// The majority type over all mentions.
    public var type: EntityType
    /// Surfaces by descending count, then name.
    public var aliases: [Alias]
    public var articleCount: Int
    public var mentionCount: Int
    public var firstSeen: Date?
    public var lastSeen: Date?
}
