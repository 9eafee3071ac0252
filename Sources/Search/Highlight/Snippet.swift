/// A passage of the snippet field around matches, cut on word boundaries.
public struct Snippet: Sendable, Hashable {
    /// The passage as it appears in the document.
    public var text: String
    /// The matched words, as UTF-8 byte ranges into `text` (ascending, not overlapping).
    public var marks: [Range<Int>]
    /// `text` with `&<>"'` escaped, each mark in `<mark>...</mark>`, and "…" where it was cut from
    /// longer text: safe to insert into HTML as is.
    public var html: String
    /// Whether the passage starts after the beginning, or ends before the end, of the text.
    public var startsMidText: Bool
    public var endsMidText: Bool
}
