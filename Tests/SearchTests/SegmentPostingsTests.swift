import Testing

@testable import Search

/// The index builder writes each segment's postings into `ByteLists` and merges the segments'
/// lists; this holds the merged postings to their plain definition, encoded straight from the
/// analyser's tokens of every document in order.
@Suite struct SegmentPostingsTests {
    static let vocabulary = [
        "market", "Markets", "rates", "rate", "the", "of", "bank", "Bank", "oil-price", "Indo-Pacific", "12bn",
        "U.S.", "café", "CAFÉ", "naïve", "government", "governments", "said", "fell", "a", "x", "2020-21",
    ]

    /// Random texts over a small vocabulary: a few words in almost every document and many times
    /// in some (so their lists run through every slice size), others rare.
    static func documents(count: Int) -> [SearchDocument] {
        var generator = SystemRandomNumberGenerator()
        func text(words: Int) -> String {
            (0..<words).map { _ in
                Bool.random(using: &generator)
                    ? vocabulary[Int.random(in: 0..<3, using: &generator)]
                    : vocabulary.randomElement(using: &generator)!
            }.joined(separator: Bool.random(using: &generator) ? " " : ", ")
        }
        return (0..<count).map { number in
            SearchDocument(
                text: [
                    text(words: Int.random(in: 0...6, using: &generator)),
                    text(words: number % 50 == 0 ? 2_000 : Int.random(in: 0...60, using: &generator)),
                ])
        }
    }

    /// Per term, the documents stream and the positions stream as `Postings` defines them.
    static func plainPostings(_ documents: [SearchDocument], analyzer: Analyzer) -> [String: ([UInt8], [UInt8], UInt32)]
    {
        var streams: [String: ([UInt8], [UInt8], UInt32)] = [:]
        var lastDocument: [String: Int] = [:]
        for (doc, document) in documents.enumerated() {
            var perTerm: [String: [[UInt32]]] = [:]
            var order: [String] = []
            for (field, text) in document.text.enumerated() {
                for token in analyzer.tokens(text) {
                    if perTerm[token.term] == nil {
                        perTerm[token.term] = Array(repeating: [], count: document.text.count)
                        order.append(token.term)
                    }
                    perTerm[token.term]![field].append(UInt32(token.position))
                }
            }
            for term in order {
                var entry = streams[term] ?? ([], [], 0)
                VarInt.append(UInt32(doc - (lastDocument[term] ?? 0)), to: &entry.0)
                for positions in perTerm[term]! { VarInt.append(UInt32(positions.count), to: &entry.0) }
                for positions in perTerm[term]! {
                    var previous: UInt32 = 0
                    for position in positions {
                        let clamped = max(position, previous)
                        VarInt.append(clamped - previous, to: &entry.1)
                        previous = clamped
                    }
                }
                entry.2 += 1
                streams[term] = entry
                lastDocument[term] = doc
            }
        }
        return streams
    }

    @Test(arguments: [1, 3])
    func mergedPostingsEqualThePlainEncoding(concurrency: Int) throws {
        let schema = SearchSchema(textFields: [.init("title", weight: 2), .init("body")], keywordFields: [])
        let documents = Self.documents(count: 1_600)
        var builder = IndexBuilder(schema: schema)
        for document in documents { try builder.add(document) }
        let text = builder.buildText(concurrency: concurrency)
        let expected = Self.plainPostings(documents, analyzer: builder.analyzer)
        let postings = text.postings
        #expect(text.dictionary.terms.sorted() == expected.keys.sorted())
        #expect(expected.values.contains { $0.1.count > 4_096 })
        for (id, term) in text.dictionary.terms.enumerated() {
            let (documentBytes, positionBytes, frequency) = try #require(expected[term])
            #expect(
                Array(postings.documents[postings.documentStarts[id]..<postings.documentStarts[id + 1]])
                    == documentBytes)
            #expect(
                Array(postings.positions[postings.positionStarts[id]..<postings.positionStarts[id + 1]])
                    == positionBytes)
            #expect(postings.documentFrequencies[id] == frequency)
        }
    }
}
