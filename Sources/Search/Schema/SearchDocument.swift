/// One document to index: one string per text field and a list of values per keyword field, both in
/// the schema's order, and an optional date (any monotonic Int64: seconds or days since an epoch).
/// The index keeps these strings (not copies: Swift strings share storage) to cut snippets from.
public struct SearchDocument: Sendable, Hashable {
    public var text: [String]
    public var keywords: [[String]]
    public var date: Int64?

    public init(text: [String], keywords: [[String]] = [], date: Int64? = nil) {
        self.text = text
        self.keywords = keywords
        self.date = date
    }
}
