/// Cuts news text into folded terms with positions and UTF-8 byte offsets.
///
/// Rules, each chosen so that what a reader types finds what a writer wrote:
/// - A word is a run of Unicode letters and digits (combining marks continue it). Letters are
///   lowercased and, for Latin, Greek and Cyrillic, stripped of diacritics: "Café" -> "cafe".
/// - Possessives drop: "Japan's" and "Japan’s" -> "japan". Other apostrophes between letters are
///   removed, so "don't" -> "dont" and "O'Neill" -> "oneill"; a query typed either way matches.
/// - Single letters with dots are abbreviations: "U.S." -> "us", "U.K." -> "uk", "e.g." -> "eg".
/// - Numbers keep decimal points and lose thousands separators: "3.5" -> "3.5", "50,000" -> "50000".
/// - Hyphenated words ("Indo-Pacific", "air-to-air", "COVID-19") and words joined by "&" ("AT&T",
///   "R&D") are emitted whole, without the joiners ("indopacific", "att"; span = number of parts),
///   and each part at consecutive positions starting at the whole's position. A number followed by letters ("1.13bn", "5G") is treated the
///   same way: whole "1.13bn", parts "1.13" and "bn". Parts that are all digits ("2020-21") are
///   emitted only as parts, so a score or a date range does not make a new number.
/// - Ligatures and fullwidth forms fold to plain letters ("ﬁnance" -> "finance").
/// - Han ideographs are one word each. Everything else separates words.
/// - A term longer than `maximumTermLength` bytes is dropped (its position still counts): such
///   "words" are encoded data, not language.
public struct Tokenizer: Sendable {
    public static let maximumTermLength = 64

    public init() {}

    /// The folded, unstemmed tokens of `text`, stop words included.
    public func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var scanner = TokenScanner()
        Self.withUTF8(text) { bytes in
            scanner.scan(bytes) { term, position, span, start, end in
                tokens.append(
                    Token(
                        term: String(decoding: term, as: UTF8.self), position: position, start: start, end: end,
                        span: span))
            }
        }
        return tokens
    }

    /// Runs `body` on the text's UTF-8 without copying when the string is stored contiguously.
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
