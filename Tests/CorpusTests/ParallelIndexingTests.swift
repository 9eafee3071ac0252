import Entities
import Foundation
import Testing

@testable import Corpus
@testable import Search

/// The snapshot builds its indexes on all cores, in slices merged in order and with the search
/// text indexed beside the entities; this holds its output equal to the plain sequential build:
/// one entity builder fed every article in order, one search builder given every keyword as text.
@Suite struct ParallelIndexingTests {
    /// 420 articles recombined from the sample corpus: each takes its title from one article and
    /// its paragraphs from two others in a rotating order, with dates a few hours apart (some
    /// missing), so names recur across slices in changing company and salience.
    static let articles: [Article] = {
        let sample = SampleCorpusTests.loaded.articles.sorted { $0.id < $1.id }
        return (0..<420).map { number in
            let first = sample[number % sample.count]
            let second = sample[(number * 7 + 3) % sample.count]
            var paragraphs = first.paragraphs + second.paragraphs.prefix(number % 4)
            let turn = number % paragraphs.count
            paragraphs = Array(paragraphs[turn...] + paragraphs[..<turn])
            let title = number % 5 == 0 ? second.title : first.title
            let published = number % 13 == 0 ? nil : first.published?.addingTimeInterval(Double(number) * 3_600)
            return Article(
                id: "mix-\(number)", title: title, body: paragraphs.joined(separator: "\n\n"), paragraphs: paragraphs,
                published: published, source: number % 3 == 0 ? nil : second.source, category: first.category,
                origin: .init(path: "mix.jsonl", line: number + 1))
        }
    }()

    static let snapshot = Snapshot(articles: articles, report: SnapshotTests.report)

    static func sequentialEntities(_ articles: [Article]) throws -> EntityIndex {
        let extractor = try #require(Snapshot.extractor)
        var builder = EntityIndexBuilder()
        for (number, article) in articles.enumerated() {
            builder.add(
                article: number, date: article.published,
                mentions: extractor.extract(title: article.title, text: article.body))
        }
        return builder.build()
    }

    static func sequentialSearch(_ articles: [Article], entities: EntityIndex) throws -> SearchIndex {
        var builder = IndexBuilder(schema: Snapshot.schema)
        for (number, article) in articles.enumerated() {
            let mentioned = entities.mentions(inArticle: number).map { entities.entities[$0.entity] }
            var keywords: [[String]] = [
                article.source.map { [$0] } ?? [], article.category.map { [$0] } ?? [],
                article.published.map { [Snapshot.month(of: $0)] } ?? [], mentioned.flatMap { [$0.id, $0.name] },
            ]
            for type in EntityType.allCases { keywords.append(mentioned.filter { $0.type == type }.map(\.id)) }
            try builder.add(
                SearchDocument(
                    text: [article.title, article.body], keywords: keywords, date: Snapshot.seconds(article.published)))
        }
        return builder.build(concurrency: 1)
    }

    @Test func entityIndexEqualsTheSequentialBuild() throws {
        let snapshot = Self.snapshot
        let parallel = snapshot.entities
        let sequential = try Self.sequentialEntities(snapshot.articles)
        #expect(sequential.entities.count > 100)
        try #require(parallel.entities.count == sequential.entities.count)
        for (built, expected) in zip(parallel.entities, sequential.entities) { #expect(built == expected) }
        for number in snapshot.articles.indices {
            #expect(parallel.mentions(inArticle: number) == sequential.mentions(inArticle: number))
        }
        for entity in sequential.entities {
            #expect(parallel.articles(of: entity.id) == sequential.articles(of: entity.id))
            #expect(parallel.coMentions(of: entity.id, limit: 100) == sequential.coMentions(of: entity.id, limit: 100))
        }
        for sort in [EntitySort.articles, .mentions, .name] {
            #expect(
                parallel.entities(sort: sort, limit: 10_000).page.map(\.id)
                    == sequential.entities(sort: sort, limit: 10_000).page.map(\.id))
        }
        for prefix in ["a", "ja", "minister", "united s", "z"] {
            #expect(parallel.entities(prefix: prefix).page == sequential.entities(prefix: prefix).page)
        }
    }

    /// Many slices of a few articles each, so that every name crosses slice boundaries.
    @Test(arguments: [1, 2, 9, 64])
    func anySliceCountGivesTheSameEntities(_ slices: Int) throws {
        let extractor = try #require(Snapshot.extractor)
        let articles = Self.snapshot.articles
        let parallel = EntityIndexBuilder.build(
            articles: articles.map { ($0.title, $0.body, $0.published) }, extractor: extractor, sliceCount: slices)
        let sequential = try Self.sequentialEntities(articles)
        #expect(parallel.entities == sequential.entities)
        #expect(
            articles.indices.allSatisfy { parallel.mentions(inArticle: $0) == sequential.mentions(inArticle: $0) })
    }

    @Test func searchResultsAndFacetsEqualTheSequentialBuild() throws {
        let snapshot = Self.snapshot
        let sequential = try Self.sequentialSearch(snapshot.articles, entities: snapshot.entities)
        let parallel = snapshot.search
        #expect(parallel.termCount == sequential.termCount)
        let busiest = snapshot.entities.entities(sort: .articles, limit: 3).page
        let queries =
            ["minister", "election OR vote", "\"central bank\"", "port -strike", "gov*", "the"]
            + busiest.map { "entity:\"\($0.name)\"" }
        for query in queries {
            var request = SearchRequest(query: query)
            request.limit = 50
            request.facets = Snapshot.schema.keywordFields
            let results = try sequential.search(request)
            #expect(try parallel.search(request) == results)
            for entity in busiest {
                request.filters = ["entity": [entity.id]]
                #expect(try parallel.search(request) == sequential.search(request))
            }
        }
        #expect(parallel.duplicateClusters == sequential.duplicateClusters)
    }

    /// The entity keyword columns are read in slices of the articles on all cores: any number of
    /// slices gives the values of one pass over the articles in order.
    @Test(arguments: [2, 7, 420])
    func entityKeywordsInSlicesEqualOnePass(slices: Int) {
        func plain(_ values: [KeywordValues]) -> [[[Int32]]] {
            values.map { column in
                guard case .table(_, let perDocument) = column.form else { return [] }
                return perDocument
            }
        }
        let entities = Self.snapshot.entities
        let whole = Snapshot.entityKeywords(of: Self.articles.count, entities: entities, sliceCount: 1)
        let sliced = Snapshot.entityKeywords(of: Self.articles.count, entities: entities, sliceCount: slices)
        #expect(plain(sliced) == plain(whole))
        #expect(plain(whole).count == 1 + EntityType.allCases.count)
        #expect(plain(whole)[0].contains { !$0.isEmpty })
    }
}
