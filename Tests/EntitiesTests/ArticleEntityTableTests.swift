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
