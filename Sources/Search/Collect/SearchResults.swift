/// One page of results. `total` counts every match after filters, a near-duplicate cluster once
/// when collapsing. Facet counts are exact over all matches and disjunctive: the counts of a facet
/// whose field is filtered ignore that field's own filter (so other values stay visible with their
/// counts); they count every matching document, near-duplicates included.
public struct SearchResults: Sendable, Hashable {
    public var total: Int
    public var hits: [SearchHit]
    public var facets: [FacetCounts]
    /// Pass as `SearchRequest.cursor` for the page after this one; nil on the last page.
    public var nextCursor: String?
    /// True when the query matched nothing as typed and the hits come from typo-tolerant matching.
    public var typoToleranceApplied: Bool
}

public struct SearchHit: Sendable, Hashable {
    public var doc: Int
    public var score: Float
    /// The query's words, phrases and keyword terms this document matched, in query order.
    public var matchedTerms: [String]
    public var snippets: [Snippet]
    /// Other matching members of this hit's near-duplicate cluster, collapsed into it (ascending).
    public var duplicates: [Int]
}

public struct FacetCounts: Sendable, Hashable {
    public struct Value: Sendable, Hashable {
        public var value: String
        public var count: Int
    }

    public var field: String
    /// The most frequent values, count descending then value ascending.
    public var values: [Value]
}
