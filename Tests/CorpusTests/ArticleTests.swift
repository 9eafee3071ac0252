import Testing

@testable import Corpus

@Suite struct ArticleTests {
    static func article(body: String) -> Article {
        Article(id: "a", title: "t", body: body, paragraphs: [], origin: .init(path: "x"))
    }

    @Test func wordCountCountsLetterAndDigitRuns() {
        #expect(Self.article(body: "Japan’s 50,000 troops — in Tokyo.").wordCount == 5)
    }

    @Test func paragraphsAreReadBackFromTheBodyAndWriteThrough() {
        var article = Self.article(body: "One para.\n\nTwo para.\n\nThree.")
        #expect(article.paragraphs == ["One para.", "Two para.", "Three."])
        article.paragraphs = ["Only one."]
        #expect(article.body == "Only one.")
        #expect(Self.article(body: "").paragraphs.isEmpty)
    }

    @Test func firstWordsCutOnAWordBoundary() {
        let article = Self.article(body: "Talks resume, in Valby;\n\nmore follows here.")
        #expect(article.firstWords(2) == "Talks resume…")
        #expect(article.firstWords(4) == "Talks resume, in Valby…")
        #expect(article.firstWords(7) == article.body)
        #expect(article.firstWords(50) == article.body)
    }
}
