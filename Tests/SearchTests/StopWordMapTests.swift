import Testing

@testable import Search

/// The stop-word map (a bitmap per field with the stop words' bytes by rank), built by the index
/// builder from real documents, against the analyser's own tokens, and the phrases that read it.
@Suite struct StopWordMapTests {
    static let words = [
        "the", "of", "bank", "a", "england", "in", "to", "rates", "and", "is", "was", "such", "there",
        "market", "with", "it", "not", "into", "fell",
    ]

    /// Titles of a few words, bodies of up to 300 and some of 1,500, so fields span many 64-position
    /// words of the bitmap and some hold no stop word at all.
    static func articles(count: Int, seed: UInt64) -> [TestCorpus.Article] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func text(_ length: Int) -> String {
            (0..<length).map { _ in words[next(words.count)] }.joined(separator: " ")
        }
        return (0..<count).map { index in
            let bodyLength = index % 97 == 0 ? 1_500 : next(300)
            return TestCorpus.Article(
                title: index % 5 == 0 ? "bank rates" : text(next(8)), body: index % 7 == 0 ? "" : text(bodyLength))
        }
    }

    /// Per position of `text`, 1 + the number of the stop word there, from the analyser's tokens.
    static func stopBytes(_ text: String) -> [Int: UInt8] {
        var bytes: [Int: UInt8] = [:]
        for token in Analyzer.exact.tokens(text) where token.span == 1 {
            let number = Array(token.term.utf8).withUnsafeBufferPointer { StopWords.index(of: $0) }
            if let number { bytes[token.position] = UInt8(number + 1) }
        }
        return bytes
    }

    @Test(arguments: [1, 3])
    func everyPositionReadsItsStopWord(concurrency: Int) throws {
        let articles = Self.articles(count: 800, seed: 7)
        var builder = IndexBuilder(schema: TestCorpus.schema)
        for article in articles {
            try builder.add(SearchDocument(text: [article.title, article.body], keywords: [[], [], []]))
        }
        let map = builder.buildText(concurrency: concurrency).postings.exactForms.stopWords
        #expect(map.starts.count == articles.count * 2 + 1)
        var mismatches = 0
        var checked = 0
        var expectedWords = 0
        map.withReader { reader in
            for (doc, article) in articles.enumerated() {
                for (field, text) in [article.title, article.body].enumerated() {
                    let expected = Self.stopBytes(text)
                    let stopField = reader.field(slot: doc * 2 + field)
                    for position in -2...((expected.keys.max() ?? 0) + 130)
                    where stopField.byte(at: position) != expected[position] ?? 0 {
                        mismatches += 1
                    }
                    var listed: [Int] = []
                    stopField.forEachStopWordPosition { listed.append($0) }
                    if listed != expected.keys.sorted() { mismatches += 1 }
                    checked += expected.count
                    expectedWords += expected.keys.max().map { $0 / 64 + 1 } ?? 0
                }
            }
        }
        #expect(mismatches == 0)
        #expect(checked > 50_000)
        // One byte per stop word and none for any other position; one 64-bit word (and its rank)
        // per 64 positions up to each field's last stop word, none after it.
        #expect(map.bytes.count == checked)
        #expect(map.words.count == expectedWords)
        #expect(map.ranks.count == map.words.count)
    }

    /// Phrases with stop words at their start, middle and end, and of stop words alone, far into
    /// long bodies: the documents found are those whose tokens hold the phrase.
    @Test func phrasesWithStopWordsMatchTheTokens() throws {
        let articles = Self.articles(count: 300, seed: 11)
        let index = try TestCorpus.index(articles)
        let fields = articles.map { article in
            [article.title, article.body].map { text in
                Analyzer.exact.tokens(text).filter { $0.span == 1 }.map(\.term)
            }
        }
        let phrases = [
            ["bank", "of", "england"], ["the", "bank"], ["rates", "fell", "to"], ["of", "the"],
            ["in", "the", "market"],
            ["such", "rates", "there", "is"], ["to", "a"], ["it", "was", "not"], ["england", "and", "the"],
        ]
        for phrase in phrases {
            let expected = Set(
                fields.indices.filter { doc in
                    fields[doc].contains { tokens in
                        tokens.count >= phrase.count
                            && (0...(tokens.count - phrase.count)).contains {
                                Array(tokens[$0..<($0 + phrase.count)]) == phrase
                            }
                    }
                })
            let found = try index.docs("\"" + phrase.joined(separator: " ") + "\"") {
                $0.collapseDuplicates = false
                $0.typoTolerance = false
            }
            #expect(Set(found) == expected, "\(phrase)")
            #expect(!expected.isEmpty, "\(phrase)")
        }
    }
}
