/// What a caller of the index can get wrong, named precisely enough to become a 400 response.
public enum SearchIndexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A document's value counts do not match the schema.
    case documentShape(expectedText: Int, gotText: Int, expectedKeywords: Int, gotKeywords: Int)
    case query(QueryParseError)
    /// A filter, facet or sort names a field the schema does not have.
    case unknownField(String)
    /// A cursor string that this index did not produce, or produced for another sort order.
    case invalidCursor
    case invalidLimit(Int)
    case invalidOffset(Int)
    case unknownDocument(Int)

    public var description: String {
        switch self {
        case .documentShape(let expectedText, let gotText, let expectedKeywords, let gotKeywords):
            "document has \(gotText) text and \(gotKeywords) keyword values; the schema needs \(expectedText) and "
                + "\(expectedKeywords)"
        case .query(let error): error.description
        case .unknownField(let name): "unknown field '\(name)'"
        case .invalidCursor: "the cursor is not one this index produced for this sort order"
        case .invalidLimit(let limit): "limit must be between 0 and 1000, not \(limit)"
        case .invalidOffset(let offset): "offset must be between 0 and 100000, not \(offset)"
        case .unknownDocument(let doc): "no document \(doc) in the index"
        }
    }
}
