import Foundation
import Testing

@testable import Corpus

@Suite struct RecordMapperTests {
    func map(_ json: String) throws -> LoadOutcome {
        var bytes = Array(json.utf8)
        let value = try bytes.withUnsafeMutableBufferPointer { buffer in
            var reader = JSONReader(bytes: UnsafeBufferPointer(buffer))
            return try reader.readDocument()
        }
        guard case .object(let object) = value else {
            throw JSONSyntaxError(message: "not an object", line: 1, column: 1)
        }
        var outcome = LoadOutcome()
        RecordMapper.map(object, origin: .init(path: "test.json", line: 7), element: 2, into: &outcome)
        return outcome
    }

    @Test func realExportFieldNamesMapCaseInsensitively() throws {
        let outcome = try map(
            """
            {"ID": 42, "Headline": "Port reopens", "Content": ["First.", "Second."], "pub_date": "2026-03-04",
             "Publisher": {"name": "Harbour Post"}, "Link": "https://example.com/a", "authors": ["A. One", {"name": "B. Two"}],
             "Section": ["world", "business"], "extra": {"k": [1, 2]}, "tags": null}
            """)
        let article = try #require(outcome.articles.first)
        #expect(article.id == "42")
        #expect(article.title == "Port reopens")
        #expect(article.paragraphs == ["First.", "Second."])
        #expect(article.body == "First.\n\nSecond.")
        #expect(article.published == DateParser.parse("2026-03-04"))
        #expect(article.source == "Harbour Post")
        #expect(article.url == "https://example.com/a")
        #expect(article.author == "A. One, B. Two")
        #expect(article.category == "world, business")
        #expect(article.metadata == [.init(name: "extra", json: #"{"k":[1,2]}"#)])
        #expect(article.origin == .init(path: "test.json", line: 7))
        #expect(outcome.warnings.isEmpty && outcome.skipped.isEmpty)
    }

    @Test(arguments: [
        #"{"title": "T", "text": "Body"}"#, #"{"title": "T", "body": "Body"}"#,
        #"{"title": "T", "article_body": "Body"}"#,
    ])
    func bodySynonymsMap(json: String) throws {
        #expect(try map(json).articles.first?.body == "Body")
    }

    @Test(arguments: ["date", "published", "pubDate", "publishedAt", "datetime", "published_at", "DATE"])
    func dateSynonymsMap(key: String) throws {
        let outcome = try map(#"{"title": "T", "\#(key)": "Wed, 04 Mar 2026 10:00:00 GMT"}"#)
        #expect(outcome.articles.first?.published == Date(timeIntervalSince1970: 1_772_618_400))
    }

    @Test func repeatedRolesAndUnknownFieldsBecomeMetadataInOrder() throws {
        let outcome = try map(#"{"zeta": 1, "title": "A", "headline": "B", "body": "x", "alpha": "y"}"#)
        let article = try #require(outcome.articles.first)
        #expect(article.title == "A")
        #expect(article.metadata.map(\.name) == ["zeta", "headline", "alpha"])
        #expect(article.metadata.map(\.json) == ["1", "\"B\"", "\"y\""])
    }

    @Test func textIsCleaned() throws {
        let outcome = try map(
            #"{"title": " Caf&eacute;   <b>talks</b> ", "body": "<p>One &amp; two.</p>\n<p>Three&nbsp;four.</p>"}"#)
        let article = try #require(outcome.articles.first)
        #expect(article.title == "Café talks")
        #expect(article.paragraphs == ["One & two.", "Three four."])
    }

    @Test func badDatesAreWarnedAndKept() throws {
        let outcome = try map(#"{"title": "T", "body": "B", "date": "next Tuesday", "published": "2026-03-04"}"#)
        let article = try #require(outcome.articles.first)
        #expect(article.published == DateParser.parse("2026-03-04"))
        #expect(article.metadata == [.init(name: "date", json: "\"next Tuesday\"")])
        #expect(
            outcome.warnings == [
                LoadIssue(
                    origin: .init(path: "test.json", line: 7), element: 2,
                    problem: .unparseableDate(field: "date", value: "next Tuesday"))
            ])
    }

    @Test func numericDatesAreUnixTimeInSecondsOrMilliseconds() throws {
        #expect(
            try map(#"{"title": "T", "date": 1772618400}"#).articles.first?.published?.timeIntervalSince1970
                == 1_772_618_400)
        #expect(
            try map(#"{"title": "T", "date": 1772618400000}"#).articles.first?.published?.timeIntervalSince1970
                == 1_772_618_400)
    }

    @Test func wrongTypesAreWarnedAndKeptAsMetadata() throws {
        let outcome = try map(#"{"title": ["not", "a", "string"], "body": "Text here.", "author": 5}"#)
        let article = try #require(outcome.articles.first)
        #expect(article.title == "Text here")
        #expect(article.author == nil)
        #expect(article.metadata.map(\.name) == ["title", "author"])
        #expect(
            outcome.warnings.map(\.problem) == [
                .wrongFieldType(field: "title", expected: "a string", found: "an array"),
                .wrongFieldType(field: "author", expected: "a string or strings", found: "a number"),
            ])
    }

    @Test func aRecordWithoutTitleOrBodyIsSkipped() throws {
        let outcome = try map(#"{"id": "x", "title": "  ", "body": "", "date": "2026-03-04"}"#)
        #expect(outcome.articles.isEmpty)
        #expect(
            outcome.skipped == [
                LoadIssue(origin: .init(path: "test.json", line: 7), element: 2, problem: .noTitleOrBody)
            ])
    }

    @Test func missingTitlesComeFromTheOpeningAndMissingIdsFromContent() throws {
        let outcome = try map(#"{"body": "Ships were diverted on Monday. More later."}"#)
        let article = try #require(outcome.articles.first)
        #expect(article.title == "Ships were diverted on Monday")
        #expect(article.id == ArticleID.derived(title: article.title, body: article.body))
        #expect(try map(#"{"body": "Ships were diverted on Monday. More later."}"#).articles.first?.id == article.id)
    }

    @Test func unsafeIdsAreRewrittenWithAWarning() throws {
        let outcome = try map(#"{"id": "a b/c", "title": "T"}"#)
        #expect(outcome.articles.first?.id == "a-b-c")
        #expect(outcome.warnings.map(\.problem) == [.idRewritten(from: "a b/c", to: "a-b-c")])
        let unusable = try map(#"{"id": "///", "title": "T"}"#)
        #expect(unusable.articles.first?.id == ArticleID.derived(title: "T", body: ""))
    }
}
