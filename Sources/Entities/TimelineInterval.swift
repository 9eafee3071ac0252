/// The period of a timeline bucket. Weeks start on Monday; all periods are in UTC.
public enum TimelineInterval: String, Sendable, CaseIterable {
    case day
    case week
    case month
}
