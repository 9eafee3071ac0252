/// Orders of an entity's articles.
public enum ArticleSort: String, Sendable, CaseIterable {
    /// Most salient first.
    case salience
    /// Newest first; undated articles last.
    case date
}
