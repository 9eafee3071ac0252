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

    @Test func pagesOfRelatedDocumentsNeitherSkipNorRepeat() throws {
        let index = try TestCorpus.index([
            .init(title: "Harbour strike", body: "dockers strike harbour cranes union ballot"),
            .init(title: "Strike vote", body: "union ballot strike dockers"),
            .init(title: "Cranes", body: "harbour cranes automated"),
            .init(title: "Ballot", body: "union ballot result"),
            .init(title: "Weather", body: "rain and sunshine"),
        ])
        let all = try index.related(to: 0, offset: 0, limit: 10)
        #expect(all.total == 3)
        #expect(all.documents.count == 3)
        let first = try index.related(to: 0, offset: 0, limit: 2)
        let second = try index.related(to: 0, offset: 2, limit: 2)
        #expect(first.total == 3 && second.total == 3)
        #expect((first.documents + second.documents) == all.documents)
        #expect(throws: SearchIndexError.invalidOffset(-1)) { try index.related(to: 0, offset: -1, limit: 2) }
    }
}
