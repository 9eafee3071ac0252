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
                Self.appendFrequencies(perTerm[term]!.map { UInt32($0.count) }, to: &entry.0)
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

    /// A posting's frequencies as `FrequencyCode` defines them: one byte with 2 bits for each field
    /// but the last and the rest of 7 bits for the last, field 0 lowest, when each fits and one is
    /// not zero (and there are at most four fields); else the byte 0 and a `VarInt` each.
    static func appendFrequencies(_ frequencies: [UInt32], to bytes: inout [UInt8]) {
        let widths = frequencies.indices.map { $0 == frequencies.count - 1 ? 7 - 2 * $0 : 2 }
        let fits =
            frequencies.count <= 4 && frequencies.contains { $0 > 0 }
            && zip(frequencies, widths).allSatisfy { $0 < 1 << $1 }
        guard fits else {
            bytes.append(0)
            for frequency in frequencies { VarInt.append(frequency, to: &bytes) }
            return
        }
        bytes.append(UInt8(frequencies.enumerated().reduce(0) { $0 | $1.element << (2 * $1.offset) }))
    }

    /// Reads what `appendFrequencies` wrote.
    static func readFrequencies(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int, fieldCount: Int) -> [UInt32] {
        let code = bytes[offset]
        offset += 1
        guard code == 0 else {
            return (0..<fieldCount).map { field in
                UInt32(code) >> (2 * field) & (field == fieldCount - 1 ? (1 << (7 - 2 * field)) - 1 : 3)
            }
        }
        return (0..<fieldCount).map { _ in VarInt.read(bytes, &offset) }
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
        // Every 50th body has 2,000 words, three of them common: frequencies over 31, escaped.
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
