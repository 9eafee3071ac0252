/// What a load did: the record `newsdesk check`, the start-up log and `GET /v1/stats` show.
/// Every list keeps load order (by path, then position in the file), so two loads of the same
/// data give equal reports apart from `elapsed`.
public struct LoadReport: Sendable, Hashable {
    /// The formats the loader reads, named by file extension.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case txt, json, jsonl
    }

    public struct FormatCount: Sendable, Hashable {
        public var format: Format
        public var files: Int
        public var articles: Int
    }

    /// One entry per format, always in the order txt, json, jsonl.
    public var formats: [FormatCount]
    /// Files whose bytes were read, including those that then failed to parse.
    public var filesRead: Int
    /// Files under the data paths with an extension the loader does not read; hidden files are
    /// skipped without being counted.
    public var filesIgnored: Int
    public var articlesLoaded: Int
    /// Files, lines and records that were not loaded, with the reason.
    public var skipped: [LoadIssue]
    /// Records skipped because an earlier record had their id (`LoadProblem.duplicateID`).
    public var duplicates: [LoadIssue]
    /// Problems worked around: bad dates, fields of the wrong type, rewritten ids.
    public var warnings: [LoadIssue]
    public var elapsed: Duration

    public init(
        formats: [FormatCount], filesRead: Int, filesIgnored: Int, articlesLoaded: Int, skipped: [LoadIssue],
        duplicates: [LoadIssue], warnings: [LoadIssue], elapsed: Duration
    ) {
        self.formats = formats
        self.filesRead = filesRead
        self.filesIgnored = filesIgnored
        self.articlesLoaded = articlesLoaded
        self.skipped = skipped
        self.duplicates = duplicates
        self.warnings = warnings
        self.elapsed = elapsed
    }

    public var elapsedSeconds: Double {
        let parts = elapsed.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
