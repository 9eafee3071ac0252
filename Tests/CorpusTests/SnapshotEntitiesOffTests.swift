import Foundation
import Search
import Testing

@testable import Corpus

/// `extractEntities: false` (the `entities.extract` setting): the same articles, version and text
/// index, an empty entity index and empty entity keyword columns.
@Suite struct SnapshotEntitiesOffTests {
    static let on = Snapshot.load(paths: [CorpusLoader.sampleCorpusURL.path])
    static let off = Snapshot.load(paths: [CorpusLoader.sampleCorpusURL.path], extractEntities: false)

    static func total(_ query: String, in snapshot: Snapshot) throws -> Int {
        try snapshot.search.search(SearchRequest(query: query)).total
    }

    @Test func theEntityIndexIsEmptyAndSaysWhy() {
        #expect(Self.on.extractsEntities)
        #expect(!Self.on.entities.entities.isEmpty)
        #expect(!Self.off.extractsEntities)
        #expect(Self.off.entities.entities.isEmpty)
        #expect(Self.off.articles.indices.allSatisfy { Self.off.entities.mentions(inArticle: $0).isEmpty })
    }

    @Test func articlesVersionAndTextSearchAreUnchanged() throws {
        #expect(Self.off.articles.map(\.id) == Self.on.articles.map(\.id))
        #expect(Self.off.version == Self.on.version)
        #expect(Self.off.search.termCount == Self.on.search.termCount)
        for query in ["halvorsen", "\"port of harwick\"", "election OR strike", "source:\"Northern Wire\""] {
            #expect(try Self.total(query, in: Self.off) == Self.total(query, in: Self.on), "\(query)")
        }
    }

    /// The schema keeps the entity fields, so such terms still parse; their columns hold nothing.
    @Test func entityKeywordColumnsAreEmpty() throws {
        #expect(try Self.total(#"entity:"Ingrid Halvorsen""#, in: Self.on) > 0)
        #expect(try Self.total(#"entity:"Ingrid Halvorsen""#, in: Self.off) == 0)
        #expect(try Self.total("entity.person:person/ingrid-halvorsen", in: Self.off) == 0)
    }
}
