extension Analyzer {
    /// One word as the index builder sees it: the token (its term empty for a stop word), the word's
    /// folded bytes before stemming (valid only during the call), its term number in the workspace
    /// and that number's generation (numbers of one generation name one term each; -1 for a stop
    /// word), and the stop word's number in `StopWords.numbered` or -1.
    struct IndexedWord {
        var token: Token
        var folded: UnsafeBufferPointer<UInt8>
        var number: Int
        var generation: Int
        var stopWord: Int
    }

    /// The bulk path of the index builder: as `forEachToken(in:using:_:)`, but stop words are
    /// reported too (flagged, not stemmed, with no term) and each word carries its folded form and
    /// its term number, so a segment maps a repeated word to its term id through an array instead
    /// of hashing the term's `String`, and can tell which form of its term each occurrence was
    /// (`ExactForms`).
    func forEachIndexedWord(in text: String, using workspace: inout AnalysisWorkspace, _ body: (IndexedWord) -> Void) {
        Tokenizer.withUTF8(text) { bytes in
            var scanner = workspace.takeScanner()
            scanner.scan(bytes) { word, position, span, start, end in
                if removesStopWords, let stopWord = StopWords.index(of: word) {
                    body(
                        IndexedWord(
                            token: Token(term: "", position: position, start: start, end: end, span: span),
                            folded: word, number: -1, generation: -1, stopWord: stopWord))
                    return
                }
                let number = workspace.termNumber(for: word, stemming: stemming)
                let term = workspace.term(number: number, stemming: stemming)
                body(
                    IndexedWord(
                        token: Token(term: term, position: position, start: start, end: end, span: span),
                        folded: word, number: number, generation: workspace.generation(stemming: stemming),
                        stopWord: -1))
            }
            workspace.returnScanner(scanner)
        }
    }
}
