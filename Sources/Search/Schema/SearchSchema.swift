/// What an index holds per document: weighted text fields (analysed, positional, scored) and keyword
/// fields (exact values, multi-valued, for filters, facets and `field:value` terms). Field names are
/// lower-case; the order of the arrays is the order of a `SearchDocument`'s values.
public struct SearchSchema: Sendable, Hashable {
    public struct TextField: Sendable, Hashable {
        public var name: String
        /// The BM25F weight: a term in a field of weight 2 counts as two occurrences in one of weight 1.
        public var weight: Float

        public init(_ name: String, weight: Float = 1) {
            self.name = name.lowercased()
            self.weight = weight
        }
    }

    public var textFields: [TextField]
    public var keywordFields: [String]
    /// The text field snippets are cut from (the body of an article).
    public var snippetField: String

    public init(textFields: [TextField], keywordFields: [String], snippetField: String? = nil) {
        self.textFields = textFields
        self.keywordFields = keywordFields.map { $0.lowercased() }
        self.snippetField = snippetField?.lowercased() ?? textFields.last?.name ?? ""
    }

    /// The news schema: title weighted 2.5 over body, source, category and month as keywords.
    public static let news = SearchSchema(
        textFields: [TextField("title", weight: 2.5), TextField("body")],
        keywordFields: ["source", "category", "month"], snippetField: "body")

    func textFieldIndex(_ name: String) -> Int? { textFields.firstIndex { $0.name == name } }
    func keywordFieldIndex(_ name: String) -> Int? { keywordFields.firstIndex(of: name) }
}
