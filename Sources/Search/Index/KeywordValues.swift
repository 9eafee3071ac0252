/// The values of one keyword field for every document, in document order: as strings, or as
/// indices into a table of strings, which spares hashing a string per document and value when
/// the same few thousand values recur (entity ids over a corpus). Both forms of the same values
/// give the same column.
public struct KeywordValues: Sendable {
    enum Form: Sendable {
        case strings([[String]])
        case table([String], [[Int32]])
    }

    let form: Form

    public init(_ perDocument: [[String]]) {
        form = .strings(perDocument)
    }

    /// - Parameter perDocument: per document, indices into `table`; equal strings at two places of
    ///   the table are one value.
    public init(table: [String], perDocument: [[Int32]]) {
        form = .table(table, perDocument)
    }

    var documentCount: Int {
        switch form {
        case .strings(let values): values.count
        case .table(_, let indices): indices.count
        }
    }
}
