/// The order of hits: best score first (ties by ascending document), or by date either way (ties
/// by ascending document; documents without a date last).
public enum SortOrder: String, Sendable, Hashable, CaseIterable {
    case relevance
    case date
    case dateDescending = "-date"
}

/// Everything a search can ask for; the defaults give the top 20 by relevance with snippets.
public struct SearchRequest: Sendable, Hashable {
    public var query: String
    public var match: MatchMode = .all
    public var sort: SortOrder = .relevance
    public var offset = 0
    public var limit = 20
    /// A `nextCursor` from an earlier page of the same query and sort: the page starts after it.
    public var cursor: String?
    /// Inclusive bounds on the document date; documents without a date fail any bound.
    public var from: Int64?
    public var to: Int64?
    /// Keyword filters: a document must hold one of the values of each field named (case-insensitive).
    public var filters: [String: [String]] = [:]
    /// Keyword fields to count values of, over the matches (disjunctively: see `SearchResults`).
    public var facets: [String] = []
    public var facetLimit = 10
    /// Snippets to cut from the snippet field; nil for none.
    public var snippets: SnippetOptions? = SnippetOptions()
    public var collapseDuplicates = true
    /// When the query finds nothing, retry words of 5+ letters with typo tolerance.
    public var typoTolerance = true

    public init(query: String) {
        self.query = query
    }
}

public struct SnippetOptions: Sendable, Hashable {
    /// At most this many snippets per hit, best passage first.
    public var count: Int
    /// The target length of a snippet in UTF-8 bytes (cut on word boundaries, so a little shorter).
    public var length: Int

    public init(count: Int = 3, length: Int = 160) {
        self.count = count
        self.length = length
    }
}
