/// Orders of the entity list.
public enum EntitySort: String, Sendable, CaseIterable {
    /// Most articles first.
    case articles
    /// Most mentions first.
    case mentions
    /// By name, case and accents folded.
    case name
}
