import TestSupport
import Testing

@testable import Search

/// A segment counts, per term, the documents whose first occurrence of the term was written in each
/// lower-cased surface form (what suggestions and `preferredSurface` read). Most occurrences are
/// counted per workspace term number and added to the forms later (`settleSurfaceCounts`), also
/// when the workspace's term cache starts over and its numbers change.
@Suite struct SurfaceCountTests {
    static let words = [
        "Market", "market", "MARKET", "markets", "Rates", "rate", "the", "Bank", "bank", "oil-price", "Indo-Pacific",
        "U.S.", "café", "CAFÉ", "Café", "naïve", "Government", "governments", "said", "fell", "12bn", "Straße",
    ]

    static func documents(count: Int, seed: UInt64) -> [SearchDocument] {
        var random = SeededGenerator(seed: seed)
        func text(_ words: Int) -> String {
            (0..<words).map { _ in
                Int.random(in: 0..<4, using: &random) == 0
                    ? "w\(Int.random(in: 0..<400, using: &random))"
                    : Self.words.randomElement(using: &random)!
            }.joined(separator: " ")
        }
        return (0..<count).map { _ in
            SearchDocument(text: [
                text(Int.random(in: 0...5, using: &random)), text(Int.random(in: 0...40, using: &random)),
            ])
        }
    }

    /// The definition: per document, each term's first token (fields in order), its source text
    /// lower-cased.
    static func plainCounts(_ documents: [SearchDocument]) -> [String: UInt32] {
        var counts: [String: UInt32] = [:]
        for document in documents {
            var seen = Set<String>()
            for text in document.text {
                for token in Analyzer.english.tokens(text) where seen.insert(token.term).inserted {
                    let source = String(decoding: Array(text.utf8)[token.start..<token.end], as: UTF8.self)
                    counts["\(token.term) \(source.lowercased())", default: 0] += 1
                }
            }
        }
        return counts
    }

    static func segmentCounts(_ documents: [SearchDocument], workspace: AnalysisWorkspace) -> [String: UInt32] {
        var workspace = workspace
        var segment = IndexSegment(firstDocument: 0, fieldCount: 2)
        for (doc, document) in documents.enumerated() {
            segment.add(document, id: doc, analyzer: .english, snippetField: 1, workspace: &workspace)
        }
        segment.settleSurfaceCounts()
        var counts: [String: UInt32] = [:]
        for (form, term) in segment.surfaceTerms.enumerated() {
            let surface = segment.withSurface(form) { String(decoding: $0, as: UTF8.self) }
            counts["\(segment.terms[Int(term)]) \(surface)", default: 0] += segment.surfaceCount(form)
        }
        return counts
    }

    @Test func countsAreDocumentsPerFirstSurfaceForm() {
        let documents = Self.documents(count: 600, seed: 3)
        let plain = Self.plainCounts(documents)
        #expect(plain["market market"] != nil && plain["market markets"] != nil && plain["cafe café"] != nil)
        #expect(Self.segmentCounts(documents, workspace: AnalysisWorkspace()) == plain)
    }

    /// A cache of 50 terms starts over many times in 600 documents of about 420 distinct words.
    @Test func countsSurviveTheTermCacheStartingOver() {
        let documents = Self.documents(count: 600, seed: 4)
        #expect(
            Self.segmentCounts(documents, workspace: AnalysisWorkspace(termLimit: 50)) == Self.plainCounts(documents))
    }
}
