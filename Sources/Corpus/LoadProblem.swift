/// Why a file, a record or a field could not be loaded as given. Problems that skip a record
/// go to `LoadReport.skipped`; problems the loader worked around go to `LoadReport.warnings`.
public enum LoadProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// A data path given to the loader does not exist.
    case pathNotFound
    /// The file system refused the read (permissions, a vanished file, a device error...).
    case unreadable(reason: String)
    /// The bytes are not UTF-8; the offset is of the first bad byte.
    case invalidUTF8(byteOffset: Int)
    /// A `.txt` page with nothing but whitespace or page chrome.
    case emptyPage
    case jsonSyntax(message: String, column: Int)
    /// A JSONL line or a JSON array element that is not an object.
    case notAnObject(found: String)
    /// A `.json` document holds neither an article object nor an array of them.
    case noRecords
    case noTitleOrBody
    /// A later record reused an id; the first by load order was kept.
    case duplicateID(String, keptFrom: Article.Origin)
    /// A date field that matched none of the supported forms; the article loads without a date.
    case unparseableDate(field: String, value: String)
    /// A known field with a value of the wrong type; it is kept as metadata instead.
    case wrongFieldType(field: String, expected: String, found: String)
    /// An id with characters outside the URL-safe set was rewritten.
    case idRewritten(from: String, to: String)

    public var description: String {
        switch self {
        case .pathNotFound: "no such file or folder"
        case .unreadable(let reason): "cannot read: \(reason)"
        case .invalidUTF8(let offset): "not valid UTF-8 (first bad byte at offset \(offset))"
        case .emptyPage: "the page has no text"
        case .jsonSyntax(let message, let column): "JSON syntax error: \(message) (column \(column))"
        case .notAnObject(let found): "expected a JSON object, found \(found)"
        case .noRecords: "the JSON document holds no article object or array of articles"
        case .noTitleOrBody: "the record has neither a title nor a body"
        case .duplicateID(let id, let kept): "duplicate id \"\(id)\" (kept the record from \(kept))"
        case .unparseableDate(let field, let value): "unrecognised date in \"\(field)\": \"\(value)\""
        case .wrongFieldType(let field, let expected, let found):
            "field \"\(field)\" should be \(expected) but is \(found); kept as metadata"
        case .idRewritten(let from, let to): "id \"\(from)\" is not URL-safe; rewritten as \"\(to)\""
        }
    }
}
