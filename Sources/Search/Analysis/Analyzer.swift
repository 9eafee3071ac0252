/// Turns text into index terms: `Tokenizer` (folding, possessives, abbreviations, numbers,
/// hyphenated words), then optionally stop-word removal, then optionally Porter2 stemming.
///
/// Index and query must use the same analyzer for a field: `english` for ranked search over
/// stemmed words, `exact` for phrases in quotes matched as typed (folded, but not stemmed, stop
/// words kept).
///
/// Removed stop words still take their position, so a phrase keeps its gaps: "Bank of England" is
/// `bank@0 england@2` on both sides and matches only text where one word separates them.
public struct Analyzer: Sendable {
    public let stemming: Bool
    public let removesStopWords: Bool

    public init(stemming: Bool, removesStopWords: Bool) {
        self.stemming = stemming
        self.removesStopWords = removesStopWords
    }

    /// Stemmed, stop words removed: for indexing and searching words.
    public static let english = Analyzer(stemming: true, removesStopWords: true)
    /// Folded, unstemmed, stop words kept: for quoted phrases matched exactly.
    public static let exact = Analyzer(stemming: false, removesStopWords: false)

    public func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

    /// Analyses `text` with a workspace of its own; for many texts, reuse one workspace per thread
    /// with `forEachToken(in:using:_:)`.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        var workspace = AnalysisWorkspace()
        forEachToken(in: text, using: &workspace, body)
    }

    /// The bulk path: scratch buffers and the stem cache in `workspace` are reused across calls.
    public func forEachToken(in text: String, using workspace: inout AnalysisWorkspace, _ body: (Token) -> Void) {
        Tokenizer.withUTF8(text) { bytes in
            var scanner = workspace.takeScanner()
            scanner.scan(bytes) { word, position, span, start, end in
                if removesStopWords, StopWords.contains(word) { return }
                let term = workspace.term(for: word, stemming: stemming)
                body(Token(term: term, position: position, start: start, end: end, span: span))
            }
            workspace.returnScanner(scanner)
        }
    }

    /// As `forEachToken(in:using:_:)` over `bytes[range]` of a larger text, but a word's term is
    /// computed (stemmed) only when `mayMatch` accepts its folded bytes; other words come with an
    /// empty term. Offsets are into `bytes`; positions count from the range's start. For
    /// highlighting a few query terms without stemming every word of a text: `range` must start and
    /// end at ASCII whitespace or the text's ends, where tokens never continue (see `TermOpenings`).
    /// The caller lends its own scanner: a highlighter analyses many small ranges per text.
    func forEachToken(
        in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, scanner: inout TokenScanner,
        workspace: inout AnalysisWorkspace, computingTermsWhere mayMatch: (UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (Token) -> Void
    ) {
        let base = range.lowerBound
        scanner.scan(UnsafeBufferPointer(rebasing: bytes[range])) { word, position, span, start, end in
            if removesStopWords, StopWords.contains(word) { return }
            let term = mayMatch(word) ? workspace.term(for: word, stemming: stemming) : ""
            body(Token(term: term, position: position, start: base + start, end: base + end, span: span))
        }
    }

    /// The bulk path of the index builder: as `forEachToken(in:using:_:)`, but each token comes by
    /// its term number in `workspace` (`NumberedToken`) with a function that gives its term, called
    /// only for a number the caller has not seen: fetching every token's term cost a cache miss.
    func forEachNumberedToken(
        in text: String, using workspace: inout AnalysisWorkspace, _ body: (NumberedToken, () -> String) -> Void
    ) {
        Tokenizer.withUTF8(text) { bytes in
            var scanner = workspace.takeScanner()
            scanner.scan(bytes) { word, position, _, start, end in
                if removesStopWords, StopWords.contains(word) { return }
                let number = workspace.termNumber(for: word, stemming: stemming)
                let token = NumberedToken(
                    number: number, generation: workspace.generation(stemming: stemming), foldedLength: word.count,
                    position: position, start: start, end: end)
                body(token) { workspace.term(number: number, stemming: stemming) }
            }
            workspace.returnScanner(scanner)
        }
    }

    /// The single term a query word stands for, or nil when it yields none (a stop word,
    /// punctuation) or several separate terms ("2020-21": match `tokens(_:)` as a phrase instead).
    /// A hyphenated word gives its whole form ("Indo-Pacific" -> the term of "indopacific").
    public func term(_ word: String) -> String? {
        let tokens = tokens(word)
        guard let first = tokens.first else { return nil }
        if tokens.count == 1 || first.span > 1 { return first.term }
        return nil
    }
}
