import Testing

@testable import Corpus

@Suite struct ArticleTests {
    @Test func wordCountCountsLetterAndDigitRuns() {
        let article = Article(
            id: "a", title: "t", body: "Japan’s 50,000 troops — in Tokyo.", paragraphs: [],
            origin: .init(path: "x"))
        #expect(article.wordCount == 5)
    }
}
