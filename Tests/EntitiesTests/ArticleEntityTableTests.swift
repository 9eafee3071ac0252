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

    /// Enough spans that the title flags fill several 64-bit words, salience at every precision it
    /// is rounded to, sentences and offsets up to `Int32.max`.
    @Test func readsBackManySpansWithTheirTitleFlagsAndSalience() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let articles = (0..<40).map { article in
            (
                article,
                (0..<next(6)).map { _ in
                    ArticleEntity(
                        entity: next(1_000), salience: Double(next(10_001)) / 10_000,
                        mentions: (0..<(1 + next(9))).map { _ in
                            MentionSpan(
                                start: Int32(next(1 << 30)), end: Int32.max - Int32(next(3)),
                                sentence: Int32(next(2)) * Int32.max, inTitle: next(3) == 0)
                        })
                }
            )
        }
        let table = ArticleEntityTable(articles)
        for (article, entities) in articles { #expect(table.entities(ofArticle: article) == entities) }
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
    /// Pairs of entities 0 to 3 over 20 articles: entity 0 appears in 10, 1 in 4, 2 in 8, 3 in 2.
    @Test func ordersEachListByCountThenLiftThenEntityAndCutsIt() {
        let pairs: [(key: UInt64, count: Int32)] = [
            (0 << 32 | 1, 4), (0 << 32 | 2, 4), (0 << 32 | 3, 2), (1 << 32 | 2, 1),
        ]
        let table = CoMentionTable(pairs: pairs, articleCounts: [10, 4, 8, 2], articleTotal: 20, kept: 2)
        // Entity 0: with 1 (count 4, lift 4 * 20 / 40 = 2) before 2 (count 4, lift 1); 3 cut.
        #expect(
            table.coMentions(of: 0, limit: 10) == [
                CoMention(entity: 1, count: 4, lift: 2), CoMention(entity: 2, count: 4, lift: 1),
            ])
        #expect(table.coMentions(of: 0, limit: 1) == [CoMention(entity: 1, count: 4, lift: 2)])
        #expect(table.coMentions(of: 0, limit: 0).isEmpty)
        #expect(table.coMentions(of: 0, limit: -3).isEmpty)
        // Entity 1: lift with 2 is 1 * 20 / 32 = 0.625.
        #expect(
            table.coMentions(of: 1, limit: 10) == [
                CoMention(entity: 0, count: 4, lift: 2), CoMention(entity: 2, count: 1, lift: 0.625),
            ])
        #expect(table.coMentions(of: 3, limit: 10) == [CoMention(entity: 0, count: 2, lift: 2)])
        let empty = CoMentionTable(pairs: [], articleCounts: [0, 0], articleTotal: 0, kept: 20)
        #expect(empty.coMentions(of: 1, limit: 10).isEmpty)
    }

    /// Equal counts and lifts fall back to the lower entity index; lifts are rounded to thousandths.
    @Test func tiesGoToTheLowerEntityAndLiftsAreRounded() {
        let pairs: [(key: UInt64, count: Int32)] = [(0 << 32 | 1, 1), (0 << 32 | 2, 1), (0 << 32 | 3, 1)]
        let table = CoMentionTable(pairs: pairs, articleCounts: [3, 3, 3, 7], articleTotal: 10, kept: 20)
        #expect(
            table.coMentions(of: 0, limit: 20) == [
                CoMention(entity: 1, count: 1, lift: 1.111), CoMention(entity: 2, count: 1, lift: 1.111),
                CoMention(entity: 3, count: 1, lift: 0.476),
            ])
    }
}
