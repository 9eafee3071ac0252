extension Analyzer {
    /// One word as the index builder sees it: where it stands (position, span, UTF-8 offsets in the
    /// text), its folded bytes before stemming (valid only during the call), its term number in the
    /// workspace and that number's generation (numbers of one generation name one term each; -1 for
    /// a stop word), and the stop word's number in `StopWords.index(of:)` or -1.
    struct IndexedWord {
        var position: Int
        var span: Int
        var start: Int
        var end: Int
        var folded: UnsafeBufferPointer<UInt8>
        var number: Int
        var generation: Int
        var stopWord: Int
    }

    /// The bulk path of the index builder: as `forEachToken(in:using:_:)`, but stop words are
    /// reported too (flagged, not stemmed, with no term) and each word comes by its term number
    /// with a function that gives its term, called only for a number the caller has not seen
    /// (fetching every word's term `String` cost a cache miss). So a segment maps a repeated word
    /// to its term id through an array instead of hashing a `String`, and can tell which form of
    /// its term each occurrence was (`ExactForms`).
    func forEachIndexedWord(
        in text: String, using workspace: inout AnalysisWorkspace, _ body: (IndexedWord, () -> String) -> Void
    ) {
        Tokenizer.withUTF8(text) { bytes in
            var scanner = workspace.takeScanner()
            let stopWords = StopWords.table
            scanner.scan(bytes) { word, position, span, start, end in
                if removesStopWords, let stopWord = stopWords.index(of: word) {
                    body(
                        IndexedWord(
                            position: position, span: span, start: start, end: end, folded: word, number: -1,
                            generation: -1, stopWord: stopWord)
                    ) { "" }
                    return
                }
                let number = workspace.termNumber(for: word, stemming: stemming)
                body(
                    IndexedWord(
                        position: position, span: span, start: start, end: end, folded: word, number: number,
                        generation: workspace.generation(stemming: stemming), stopWord: -1)
                ) { workspace.term(number: number, stemming: stemming) }
            }
            workspace.returnScanner(scanner)
        }
    }
}
