import Testing

@testable import Search

@Suite struct RelatedTests {
    @Test func relatedDocumentsShareDistinctiveTerms() throws {
        let index = try TestCorpus.index([
            .init(title: "Uranium enrichment talks", body: "Iran uranium enrichment centrifuges inspectors"),
            .init(title: "Football", body: "the match ended with a late goal"),
            .init(title: "Inspectors return", body: "inspectors visit centrifuges at an enrichment plant"),
            .init(title: "Weather", body: "rain and a late goal of sunshine"),
            .init(title: "Centrifuges", body: "uranium centrifuges spin"),
        ])
        let related = try index.related(to: 0, limit: 3)
        #expect(!related.map(\.doc).contains(0))
        #expect(Set(related.prefix(2).map(\.doc)) == [2, 4])
        #expect(throws: SearchIndexError.unknownDocument(99)) { try index.related(to: 99) }
    }

    @Test func nearDuplicatesAreNotRelatedResults() throws {
        let body = "Wire copy about a central bank decision to raise interest rates by half a point on Thursday"
        let index = try TestCorpus.index([
            .init(title: "Rates rise", body: body),
            .init(title: "Rates rise", body: body),
            .init(title: "Rates", body: "interest rates decision central bank"),
        ])
        #expect(try index.related(to: 0).map(\.doc) == [2])
    }
}
