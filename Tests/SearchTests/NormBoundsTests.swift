import Testing

@testable import Search

@Suite struct NormBoundsTests {
    /// Every code's bound is at least the norm it stands for, zero exactly for a zero norm, and
    /// exact when a field has no more distinct norms than codes.
    @Test(arguments: [3, 200, 255, 256, 5000])
    func boundsCoverTheirNorms(distinctCount: Int) {
        var random = SnippetEquivalenceTests.Generator(state: UInt64(distinctCount))
        let fieldCount = 3
        let documentCount = 20_000
        // Field 0: `distinctCount` values; field 1: all zero (no text); field 2: few values and zeros.
        let values = (0..<distinctCount).map { Float($0 + 1) * 0.37 / Float(distinctCount) }
        var norms: [Float] = []
        for _ in 0..<documentCount {
            norms.append(values[random.next(values.count)])
            norms.append(0)
            norms.append(random.next(3) == 0 ? 0 : [0.5, 1.25, 4][random.next(3)])
        }
        let bounds = NormBounds(norms: norms, fieldCount: fieldCount)
        #expect(bounds.isUsable)
        var exact = true
        for doc in 0..<documentCount {
            for field in 0..<fieldCount {
                let norm = norms[doc * fieldCount + field]
                let bound = bounds.bounds[
                    field * NormBounds.codesPerField + Int(bounds.codes[doc * fieldCount + field])]
                #expect(bound >= norm)
                #expect((bound == 0) == (norm == 0))
                if field == 0, bound != norm { exact = false }
            }
        }
        #expect(exact == (distinctCount <= 255))
        #expect(!NormBounds(norms: [1, -0.5], fieldCount: 2).isUsable)
    }

    /// Skipping the exact score of matches that cannot get in changes nothing: a one-word query
    /// gives the same hits, scores and total as the same word through the general path (a
    /// two-word query of the word twice is evaluated, not streamed), for many page sizes.
    @Test func skippedMatchesChangeNoHit() throws {
        let index = MatchCollectorTests.corpus.index
        for word in ["market", "oil", "vote", "shares", "growth"] {
            for limit in [1, 2, 5, 20, 100] {
                for collapse in [true, false] {
                    var streamed = SearchRequest(query: word)
                    streamed.limit = limit
                    streamed.snippets = nil
                    streamed.collapseDuplicates = collapse
                    streamed.facets = ["source", "category"]
                    var evaluated = streamed
                    evaluated.query = "\(word) OR \(word)"
                    let a = try index.search(streamed)
                    let b = try index.search(evaluated)
                    #expect(a.total == b.total)
                    #expect(a.facets == b.facets)
                    #expect(a.hits.map(\.doc) == b.hits.map(\.doc), "\(word) \(limit)")
                    #expect(a.hits.map(\.duplicates) == b.hits.map(\.duplicates))
                }
            }
        }
    }
}
