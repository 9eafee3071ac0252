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

    /// The tokens of `bytes[range]` of a larger text, as byte ranges (offsets into `bytes`) with
    /// the number of their term in `workspace` (`AnalysisWorkspace.termNumber(for:stemming:)`)
    /// when `mayMatch` accepts their folded bytes, else nil: for highlighting a few query terms
    /// without stemming every word of a text. `range` must start and end at ASCII whitespace or
    /// the text's ends, where tokens never continue (see `TermOpenings`). A plain ASCII chunk
    /// (`TokenScanner.plainChunk`) skips the scanner. The caller lends its own scanner: a
    /// highlighter analyses many small ranges per text.
    func forEachTermNumber(
        in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, scanner: inout TokenScanner,
        workspace: inout AnalysisWorkspace, computingTermsWhere mayMatch: (UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ start: Int, _ end: Int, _ term: Int?) -> Void
    ) {
        switch TokenScanner.plainChunk(in: bytes, range: range) {
        case .empty:
            return
        case .word(let start, let end, let hasUppercase):
            guard end - start <= Tokenizer.maximumTermLength else { return }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard hasUppercase else {
                return report(word, start, end, workspace: &workspace, mayMatch: mayMatch, body)
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { folded in
                for offset in 0..<word.count { folded[offset] = word[offset] | 0x20 }
                report(UnsafeBufferPointer(folded), start, end, workspace: &workspace, mayMatch: mayMatch, body)
            }
        case .other:
            let base = range.lowerBound
            scanner.scan(UnsafeBufferPointer(rebasing: bytes[range])) { word, _, _, start, end in
                report(word, base + start, base + end, workspace: &workspace, mayMatch: mayMatch, body)
            }
        }
    }

    @inline(__always)
    private func report(
        _ word: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, workspace: inout AnalysisWorkspace,
        mayMatch: (UnsafeBufferPointer<UInt8>) -> Bool, _ body: (_ start: Int, _ end: Int, _ term: Int?) -> Void
    ) {
        if removesStopWords, StopWords.contains(word) { return }
        body(start, end, mayMatch(word) ? workspace.termNumber(for: word, stemming: stemming) : nil)
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
