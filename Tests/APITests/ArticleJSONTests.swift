import Testing

@testable import API

@Suite struct ArticleJSONTests {
    @Test func excerptKeepsTheFirstWordsOnOneLineAndMarksTheCut() {
        let words = (1...45).map { "w\($0)" }
        let body = words[0..<20].joined(separator: " ") + ",\n\n" + words[20...].joined(separator: "\t")
        let expected = words[0..<20].joined(separator: " ") + ", " + words[20..<40].joined(separator: "\t") + "…"
        #expect(ArticleJSON.excerpt(body) == expected)
    }

    @Test func shortBodyIsKeptWholeWithParagraphsJoined() {
        #expect(ArticleJSON.excerpt("Kyiv said so.\n\nMoscow did not.") == "Kyiv said so. Moscow did not.")
        #expect(ArticleJSON.excerpt("") == "")
    }

    @Test func nonASCIISpacesSeparateWordsAndPunctuationRunsCount() {
        let body = (1...41).map { "ž\($0)" }.joined(separator: "\u{3000}") + " — end"
        let expected = (1...40).map { "ž\($0)" }.joined(separator: "\u{3000}") + "…"
        #expect(ArticleJSON.excerpt(body) == expected)
        let dashes = Array(repeating: "—", count: 41).joined(separator: " ")
        #expect(ArticleJSON.excerpt(dashes) == Array(repeating: "—", count: 40).joined(separator: " ") + "…")
    }
}
