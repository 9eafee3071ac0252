import Foundation
import TestSupport
import Testing

@testable import Corpus

@Suite struct SnapshotTests {
    static func article(_ id: String, _ day: Int?, title: String = "T") -> Article {
        Article(
            id: id, title: title, body: "Body of \(id).", paragraphs: ["Body of \(id)."],
            published: day.map { Date(timeIntervalSince1970: Double($0) * 86_400) }, origin: .init(path: "x"))
    }

    static let report = LoadReport(
        formats: [], filesRead: 0, filesIgnored: 0, articlesLoaded: 0, skipped: [], duplicates: [], warnings: [],
        elapsed: .zero)

    @Test func articlesAreNewestFirstThenByIdWithUndatedLast() {
        let snapshot = Snapshot(
            articles: [
                Self.article("c", 1), Self.article("u2", nil), Self.article("b", 5), Self.article("a", 5),
                Self.article("u1", nil), Self.article("d", 9),
            ], report: Self.report)
        #expect(snapshot.articles.map(\.id) == ["d", "a", "b", "c", "u1", "u2"])
        #expect(snapshot.index(of: "b") == 2)
        #expect(snapshot.article(id: "c")?.id == "c")
        #expect(snapshot.article(id: "missing") == nil)
    }

    /// Every permutation shape (identity, one long cycle, many short ones, random), sizes 0 to 60:
    /// each article moved to its place, none lost or copied twice.
    @Test func permutingPlacesEveryArticle() {
        var random = SeededGenerator(seed: 20261208)
        for size in [0, 1, 2, 3, 7, 60] {
            let original = (0..<size).map { Self.article("a\($0)", $0 % 5, title: "T\($0)") }
            let shapes: [[Int]] = [
                Array(0..<size), (0..<size).map { ($0 + 1) % max(size, 1) },
                (0..<size).map { $0 ^ 1 < size ? $0 ^ 1 : $0 },
            ]
            for order in shapes + (0..<20).map({ _ in Array(0..<size).shuffled(using: &random) }) {
                var articles = original
                Snapshot.permute(&articles, into: order)
                #expect(articles.map(\.id) == order.map { original[$0].id })
                #expect(articles.map(\.title) == order.map { original[$0].title })
            }
        }
    }

    @Test func theVersionFollowsContentNotInputOrder() {
        let articles = [Self.article("a", 1), Self.article("b", 2)]
        let version = Snapshot(articles: articles, report: Self.report).version
        #expect(version.count == 16)
        #expect(Snapshot(articles: articles.reversed(), report: Self.report).version == version)
        #expect(
            Snapshot(articles: [Self.article("a", 1), Self.article("b", 3)], report: Self.report).version != version)
        #expect(
            Snapshot(articles: [Self.article("a", 1, title: "U"), Self.article("b", 2)], report: Self.report).version
                != version)
        #expect(Snapshot(articles: [Self.article("a", 1)], report: Self.report).version != version)
    }

    /// A reload swaps in a new ETag only if the version moves: every field a client can read must
    /// feed it, while where a record came from (not served) must not.
    @Test(arguments: [
        "title", "body", "date", "undated", "source", "url", "author", "category", "metadata name",
        "metadata value", "id", "text moved between fields",
    ])
    func everyFieldAClientSeesChangesTheVersion(_ field: String) {
        let base = Article(
            id: "x", title: "Title", body: "Body.", paragraphs: ["Body."], published: Date(timeIntervalSince1970: 0),
            source: "S", url: "https://example.org/x", author: "A", category: "C",
            metadata: [.init(name: "lang", json: "\"en\"")], origin: .init(path: "one.jsonl", line: 1))
        var changed = base
        switch field {
        case "title": changed.title = "Title!"
        case "body": changed.body = "Body!"
        case "date": changed.published = Date(timeIntervalSince1970: 1)
        case "undated": changed.published = nil
        case "source": changed.source = nil
        case "url": changed.url = "https://example.org/y"
        case "author": changed.author = "B"
        case "category": changed.category = "D"
        case "metadata name": changed.metadata = [.init(name: "language", json: "\"en\"")]
        case "metadata value": changed.metadata = [.init(name: "lang", json: "\"fr\"")]
        case "id": changed.id = "y"
        default:
            changed.title = "TitleB"
            changed.body = "ody."
        }
        let version = Snapshot(articles: [base], report: Self.report).version
        #expect(Snapshot(articles: [changed], report: Self.report).version != version)
        var moved = base
        moved.origin = .init(path: "other.jsonl", line: 7)
        #expect(Snapshot(articles: [moved], report: Self.report).version == version)
    }

    @Test func theSampleCorpusLoadsIntoASnapshot() throws {
        let snapshot = Snapshot.load(paths: [CorpusLoader.sampleCorpusURL.path])
        #expect(snapshot.articles.count == snapshot.report.articlesLoaded)
        let dates = snapshot.articles.compactMap(\.published)
        #expect(dates == dates.sorted(by: >))
        #expect(Snapshot.load(paths: [CorpusLoader.sampleCorpusURL.path]).version == snapshot.version)
        let trade = try #require(snapshot.article(id: "epr-trade-deal-signed"))
        #expect(trade.source == "Estmark Public Radio")
    }
}

@Suite struct ArticleIDTableTests {
    /// Every id finds its position among 5,000 (colliding slots included), an id given twice names
    /// its first position, and ids not in the table, or differing in one byte, find nothing.
    @Test func everyIdFindsItsPositionAndOthersNone() {
        var ids = (0..<5_000).map { "id-\($0)" }
        ids[4_999] = "id-17"
        ids[4_998] = ""
        let table = ArticleIDTable(count: ids.count) { ids[$0] }
        for (position, id) in ids.enumerated().dropLast() {
            #expect(table.position(of: id) { ids[$0] } == position, "\(id)")
        }
        #expect(table.position(of: "id-17") { ids[$0] } == 17)
        for missing in ["id-5000", "id-1x", "ID-1", "id-01", "a-very-long-identifier-beyond-fifteen-bytes"] {
            #expect(table.position(of: missing) { ids[$0] } == nil)
        }
        let empty = ArticleIDTable(count: 0) { _ in "" }
        #expect(empty.position(of: "") { _ in "" } == nil)
    }
}
