extension Analyzer {
    /// One word as the index builder sees it: the token (its term empty for a stop word), the word's
    /// folded bytes before stemming (valid only during the call), its term number and generation in
    /// the workspace (numbers of one generation name one term each; -1 for a stop word), and the stop word's index in
    /// `StopWords.english` or -1.
    struct IndexedWord {
        var token: Token
        var folded: UnsafeBufferPointer<UInt8>
        var number: Int
        var generation: Int
        var stopWord: Int
    }

    /// The bulk path of the index builder: as `forEachToken(in:using:_:)`, but stop words are reported too (flagged, not
    /// stemmed, with no term) and each word carries its folded form: what the index keeps so that
    /// a quoted phrase can be matched as typed (`ExactForms`).
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
