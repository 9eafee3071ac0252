import Foundation
import Testing

@testable import Corpus

/// The real scraped page in `../shared/corpus/seed/` (research data, never copied into the
/// repository); skipped where that folder is absent.
@Suite struct SeedPageTests {
    static let seedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/seed")
    static let seedPage = seedFolder.appendingPathComponent("000_39102d4de1750d59.txt")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPage.path)))
    func seedPageLosesItsChromeAndKeepsItsText() throws {
        let (articles, report) = CorpusLoader.load(paths: [Self.seedFolder.path])
        #expect(report.skipped.isEmpty)
        let article = try #require(articles.first)
        #expect(articles.count == 1)
        #expect(article.id == "39102d4de1750d59")
        #expect(article.body.hasPrefix("U.S. Secretary of Defense Pete Hegseth announced a plan to upgrade"))
        #expect(
            article.body.hasSuffix(
                "demonstrate a shared commitment to promoting peace and security in the region."))
        for chrome in ["Share.", "Leave A Reply", "Exit mobile version"] {
            #expect(!article.body.contains(chrome))
        }
        #expect(article.paragraphs.count == 6)
        #expect(article.title.hasPrefix("U.S. Secretary of Defense Pete Hegseth"))
        #expect(article.title.hasSuffix("…"))
        #expect(article.title.count <= 101)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPage.path)))
    func seedPageTextMatchesTheFileWordForWord() throws {
        let raw = try String(contentsOf: Self.seedPage, encoding: .utf8)
        let (articles, _) = CorpusLoader.load(paths: [Self.seedPage.path])
        let article = try #require(articles.first)
        let rawParagraphs = raw.components(separatedBy: "\n\n").prefix(6).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(article.paragraphs == Array(rawParagraphs))
    }
}
