/// An entity that appears in the same articles as another, with how often and how much more
/// than chance: lift = P(a, b) / (P(a) P(b)) over articles.
public struct CoMention: Sendable, Hashable {
    /// Index of the co-mentioned entity in `EntityIndex.entities`.
    public var entity: Int
    /// Articles that mention both.
    public var count: Int
    public var lift: Double
}
