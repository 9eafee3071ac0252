/// Errors of the Entities module; each names the file, line or value that was wrong.
public enum EntitiesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The gazetteer resource folder or one of its files is missing or unreadable.
    case gazetteerUnreadable(path: String)
    /// A gazetteer line does not have the expected columns.
    case malformedGazetteerLine(file: String, line: Int)
    /// A file given to a command could not be read as UTF-8 text.
    case unreadableFile(path: String)
    /// A CoNLL line that is neither blank, `-DOCSTART-` nor `TOKEN ... TAG` with a valid IOB2 tag.
    case malformedCoNLL(line: Int, reason: String)

    public var description: String {
        switch self {
        case .gazetteerUnreadable(let path): "gazetteer file missing or unreadable: \(path)"
        case .malformedGazetteerLine(let file, let line): "malformed gazetteer line \(line) in \(file)"
        case .unreadableFile(let path): "cannot read \(path) as UTF-8 text"
        case .malformedCoNLL(let line, let reason): "CoNLL line \(line): \(reason)"
        }
    }
}
