import Foundation
import Testing

@testable import Corpus

@Suite struct SampleCorpusTests {
    static let loaded = CorpusLoader.load(paths: [CorpusLoader.sampleCorpusURL.path])

    @Test func loadsCleanly() {
        let report = Self.loaded.report
        #expect(report.skipped.isEmpty)
        #expect(report.duplicates.isEmpty)
        #expect(report.warnings.isEmpty)
        #expect(report.articlesLoaded == Self.loaded.articles.count)
        #expect(Self.loaded.articles.count >= 36)
        #expect(report.formats.allSatisfy { $0.files > 0 && $0.articles >= 12 })
    }

    @Test func spansSourcesCategoriesAndMonths() throws {
        let articles = Self.loaded.articles
        #expect(Set(articles.compactMap(\.source)).count >= 4)
        #expect(Set(articles.compactMap(\.category)).count >= 5)
        let dates = articles.compactMap(\.published)
        let first = try #require(dates.min())
        let last = try #require(dates.max())
        #expect(last.timeIntervalSince(first) > 150 * 86_400)
        #expect(articles.allSatisfy { (3...7).contains($0.paragraphs.count) })
        #expect(articles.allSatisfy { ArticleID.isValid($0.id) && !$0.title.isEmpty })
    }

    @Test func scrapedPagesLoseTheirChrome() {
        let pages = Self.loaded.articles.filter { $0.origin.path.hasSuffix(".txt") }
        #expect(pages.count == 12)
        for page in pages {
            for chrome in ["Share.", "Leave A Reply", "Exit mobile version", "Related Posts", "Tags:", "©"] {
                #expect(!page.body.contains(chrome), "\(page.id) keeps \(chrome)")
            }
            #expect(page.paragraphs.last.map { PageChrome.endsSentence($0) } == true, "\(page.id)")
        }
    }

    @Test func storylinesRecurAcrossArticles() {
        let bodies = Self.loaded.articles.map(\.body)
        for name in ["Halvorsen", "Ekberg", "Raman", "Bellandi", "Nyland", "Port of Harwick", "Bank of Estmark"] {
            #expect(bodies.filter { $0.contains(name) }.count >= 3, "\(name)")
        }
    }
}
