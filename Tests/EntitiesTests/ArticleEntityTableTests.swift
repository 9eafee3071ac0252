import Foundation
import Testing

@testable import Entities

@Suite struct ArticleEntityTableTests {
    static func entity(_ number: Int, _ salience: Double, spans: [Int32]) -> ArticleEntity {
        ArticleEntity(
            entity: number, salience: salience,
            mentions: spans.map { MentionSpan(start: $0, end: $0 + 5, sentence: $0 / 100, inTitle: $0 < 0) })
    }

    @Test func readsBackEveryArticlesEntitiesAndSpansInOrder() {
        let first = [Self.entity(7, 0.9, spans: [-1, 10, 200]), Self.entity(2, 0.5, spans: [40])]
        let third = [Self.entity(3, 0.25, spans: [5, 6])]
        let table = ArticleEntityTable([(0, first), (2, third), (1, [])])
        #expect(table.entities(ofArticle: 0) == first)
        #expect(table.entities(ofArticle: 1).isEmpty)
        #expect(table.entities(ofArticle: 2) == third)
    }

    @Test func unknownArticlesHaveNoneAndARepeatedArticleKeepsItsLastEntities() {
        let table = ArticleEntityTable([
            (1, [Self.entity(1, 0.1, spans: [1])]), (1, [Self.entity(4, 0.4, spans: [9, 19])]),
        ])
        #expect(table.entities(ofArticle: 1) == [Self.entity(4, 0.4, spans: [9, 19])])
        #expect(table.entities(ofArticle: 0).isEmpty)
        #expect(table.entities(ofArticle: 2).isEmpty)
        #expect(table.entities(ofArticle: -1).isEmpty)
        #expect(ArticleEntityTable([]).entities(ofArticle: 0).isEmpty)
    }
}

@Suite struct EntityPostingsTests {
    /// Postings keep an article and a row; what a query reads back must be what the records said.
    @Test func readBackAsTheRecordsEntitiesBySalienceThenArticle() {
        let day = Date(timeIntervalSince1970: 86_400)
        let records: [(article: Int, date: Date?, entities: [ArticleEntity])] = [
            (
                4, day,
                [
                    ArticleEntityTableTests.entity(0, 0.5, spans: [-3, 7]),
                    ArticleEntityTableTests.entity(1, 0.9, spans: [2]),
                ]
            ),
            (2, nil, [ArticleEntityTableTests.entity(0, 0.5, spans: [11, 12, 13])]),
            (9, day, [ArticleEntityTableTests.entity(0, 0.75, spans: [30])]),
        ]
        let table = ArticleEntityTable(records.map { ($0.article, $0.entities) })
        let postings = EntityPostings(entityCount: 3, articles: records, table: table)
        func expected(_ record: Int, _ entity: Int) -> EntityArticle {
            let mentioned = records[record].entities[entity]
            return EntityArticle(
                article: records[record].article, date: records[record].date, salience: mentioned.salience,
                mentionCount: mentioned.mentions.count, firstMention: mentioned.mentions[0])
        }
        #expect(postings.articles(ofEntity: 0, table: table) == [expected(2, 0), expected(1, 0), expected(0, 0)])
        #expect(postings.articles(ofEntity: 1, table: table) == [expected(0, 1)])
        #expect(postings.articles(ofEntity: 2, table: table).isEmpty)
        var seen: [(Date?, Int)] = []
        postings.forEachArticle(ofEntity: 0, table: table) { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == [day, nil, day])
        #expect(seen.map(\.1) == [1, 3, 2])
    }
}

@Suite struct CoMentionTableTests {
    @Test func keepsEachListInOrderAndCutsItAtTheLimit() {
        let lists = [
            [CoMention(entity: 2, count: 9, lift: 1.5), CoMention(entity: 1, count: 4, lift: 12.125)],
            [],
            [CoMention(entity: 0, count: 9, lift: 1.5)],
        ]
        let table = CoMentionTable(lists)
        #expect(table.coMentions(of: 0, limit: 10) == lists[0])
        #expect(table.coMentions(of: 0, limit: 1) == [lists[0][0]])
        #expect(table.coMentions(of: 0, limit: 0).isEmpty)
        #expect(table.coMentions(of: 0, limit: -3).isEmpty)
        #expect(table.coMentions(of: 1, limit: 10).isEmpty)
        #expect(table.coMentions(of: 2, limit: 10) == lists[2])
    }
}
