import Foundation

/// One news article after loading and cleaning: what every endpoint, the search index and the
/// entity extractor read. Immutable once the snapshot is built.
///
/// Stored in 120 bytes (a snapshot holds one per article): the fields most records lack (`url`,
/// `author`, `metadata`) share one reference, nil when all are absent, and the origin's line is 4
/// bytes beside the date's tag; declared as separate optionals they took 168.
public struct Article: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The clean text: paragraphs joined by a blank line ("\n\n"). A paragraph never holds a
    /// newline, so the text is stored once, here, and `paragraphs` is read back from it; a
    /// large corpus would otherwise be held twice.
    public var body: String
    public var source: String?
    public var category: String?
    /// url, author and metadata, which most records lack: nil when all three are absent.
    private var rare: RareFields?
    private var originPath: String
    /// Publication time, normalised to UTC; nil when the record gave none or none that parses.
    public var published: Date?
    /// The origin's line + 1, or 0 for none (saturated at `UInt32.max`).
    private var originLine: UInt32

    /// - Parameter paragraphs: `body` split at its blank lines, or empty; only `body` is kept.
    public init(
        id: String, title: String, body: String, paragraphs: [String], published: Date? = nil, source: String? = nil,
        url: String? = nil, author: String? = nil, category: String? = nil, metadata: [MetadataField] = [],
        origin: Origin
    ) {
        assert(paragraphs.isEmpty || paragraphs.joined(separator: "\n\n") == body, "paragraphs must make up body")
        self.id = id
        self.title = title
        self.body = body
        self.source = source
        self.category = category
        rare = RareFields.make(url: url, author: author, metadata: metadata)
        originPath = origin.path
        self.published = published
        originLine = Self.storedLine(origin.line)
    }

    public var url: String? {
        get { rare?.url }
        set { rare = RareFields.make(url: newValue, author: author, metadata: metadata) }
    }

    public var author: String? {
        get { rare?.author }
        set { rare = RareFields.make(url: url, author: newValue, metadata: metadata) }
    }

    /// Fields of the record that have no place above, kept in the order they appeared.
    public var metadata: [MetadataField] {
        get { rare?.metadata ?? [] }
        set { rare = RareFields.make(url: url, author: author, metadata: newValue) }
    }

    /// Where the record came from, for load reports and duplicate-id messages.
    public var origin: Origin {
        get { Origin(path: originPath, line: originLine == 0 ? nil : Int(originLine) - 1) }
        set {
            originPath = newValue.path
            originLine = Self.storedLine(newValue.line)
        }
    }

    private static func storedLine(_ line: Int?) -> UInt32 {
        line.map { UInt32(clamping: $0 + 1) } ?? 0
    }

    /// `url`, `author` and `metadata`, compared and hashed by value.
    private final class RareFields: Sendable, Hashable {
        let url: String?
        let author: String?
        let metadata: [MetadataField]

        private init(url: String?, author: String?, metadata: [MetadataField]) {
            self.url = url
            self.author = author
            self.metadata = metadata
        }

        /// Nil when every field is absent: most articles hold no reference at all.
        static func make(url: String?, author: String?, metadata: [MetadataField]) -> RareFields? {
            url == nil && author == nil && metadata.isEmpty
                ? nil : RareFields(url: url, author: author, metadata: metadata)
        }

        static func == (left: RareFields, right: RareFields) -> Bool {
            left.url == right.url && left.author == right.author && left.metadata == right.metadata
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(url)
            hasher.combine(author)
            hasher.combine(metadata)
        }
    }

    public struct MetadataField: Sendable, Hashable {
        public var name: String
        /// The value as compact JSON text, so nested values survive unchanged.
        public var json: String

        public init(name: String, json: String) {
            self.name = name
            self.json = json
        }
    }

    /// A file and, for line-oriented formats, the 1-based line.
    public struct Origin: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var line: Int?

        public init(path: String, line: Int? = nil) {
            self.path = path
            self.line = line
        }

        public var description: String { line.map { "\(path):\($0)" } ?? path }
    }

    /// Words in the body: whitespace-separated runs that hold a letter or digit, so "Japan’s" and
    /// "50,000" are one word each and a lone dash is none.
    ///
    /// ASCII bytes are classified by comparison: Unicode property look-ups for every character made
    /// this a third of the start-up time of a large corpus.
    public var wordCount: Int {
        var count = 0
        var counted = false
        for scalar in body.unicodeScalars {
            let isSpace: Bool
            let isWordCharacter: Bool
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                isWordCharacter =
                    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            } else {
                isSpace = scalar.properties.isWhitespace
                isWordCharacter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isSpace {
                counted = false
            } else if !counted, isWordCharacter {
                count += 1
                counted = true
            }
        }
        return count
    }
}
