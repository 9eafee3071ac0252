import Foundation
import Testing

@testable import Corpus

@Suite struct CorpusLoaderTests {
    @Test func everyFormatLoadsInPathThenPositionOrder() throws {
        let folder = try TempFolder()
        try folder.write(
            "b/feed.jsonl", "{\"id\": \"l1\", \"title\": \"One\"}\n\n{\"id\": \"l2\", \"title\": \"Two\"}\n")
        try folder.write("a/export.json", #"[{"id": "j1", "title": "J"}, {"id": "j2", "title": "K"}]"#)
        try folder.write("c/01_page.txt", "A headline for the page\n\nThe page has a paragraph.\n\nShare.\n")
        try folder.write("c/notes.md", "ignored")
        try folder.write("c/.hidden.txt", "Hidden pages are skipped.")
        try folder.write(".git/config.json", #"{"title": "inside a hidden folder"}"#)
        let (articles, report) = CorpusLoader.load(paths: [folder.path])
        #expect(articles.map(\.id) == ["j1", "j2", "l1", "l2", "page"])
        #expect(articles.map(\.origin.line) == [1, 1, 1, 3, nil])
        #expect(report.filesRead == 3)
        #expect(report.filesIgnored == 1)
        #expect(
            report.formats == [
                .init(format: .txt, files: 1, articles: 1), .init(format: .json, files: 1, articles: 2),
                .init(format: .jsonl, files: 1, articles: 2),
            ])
        #expect(report.skipped.isEmpty && report.warnings.isEmpty && report.duplicates.isEmpty)
        #expect(articles.last?.title == "A headline for the page")
        #expect(articles.last?.body == "The page has a paragraph.")
    }

    @Test func brokenFilesAndLinesAreReportedWhileTheRestLoads() throws {
        let folder = try TempFolder()
        let jsonl = try folder.write(
            "feed.jsonl",
            """
            {"id": "ok-1", "title": "Fine"}
            {"id": "bad", "title": "Missing brace"
            [1, 2]
            {"id": "empty", "note": "no title or body"}
            {"id": "ok-2", "body": "Also fine."}
            """)
        let json = try folder.write("broken.json", "{\n  \"articles\": [\n    {\"title\": \"x\",}\n  ]\n}")
        let array = try folder.write(
            "array.json", "[\n  {\"id\": \"a1\", \"title\": \"A\"},\n  \"text\",\n  {\"id\": \"a2\"}\n]")
        let latin1 = try folder.write("latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" au lait.".utf8))
        let chromeOnly = try folder.write("chrome.txt", "Share.\nLeave A Reply\n")
        let missing = folder.url.appendingPathComponent("nowhere").path
        let dangling = folder.url.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: missing)

        let (articles, report) = CorpusLoader.load(paths: [folder.path, missing])
        #expect(articles.map(\.id) == ["a1", "ok-1", "ok-2"])
        let expected = [
            LoadIssue(origin: .init(path: missing), problem: .pathNotFound),
            LoadIssue(origin: .init(path: array, line: 2), element: 1, problem: .notAnObject(found: "a string")),
            LoadIssue(origin: .init(path: array, line: 4), element: 2, problem: .noTitleOrBody),
            LoadIssue(
                origin: .init(path: json, line: 3),
                problem: .jsonSyntax(message: "expected a member name in quotes", column: 19)),
            LoadIssue(origin: .init(path: chromeOnly), problem: .emptyPage),
            LoadIssue(origin: .init(path: dangling), problem: .unreadable(reason: "No such file or directory")),
            LoadIssue(
                origin: .init(path: jsonl, line: 2),
                problem: .jsonSyntax(message: "expected ',' or '}' in object", column: 39)),
            LoadIssue(origin: .init(path: jsonl, line: 3), problem: .notAnObject(found: "an array")),
            LoadIssue(origin: .init(path: jsonl, line: 4), problem: .noTitleOrBody),
            LoadIssue(origin: .init(path: latin1), problem: .invalidUTF8(byteOffset: 3)),
        ]
        #expect(report.skipped == expected)
        #expect(report.filesRead == 5)
        #expect(report.description.contains("\(jsonl):3: expected a JSON object, found an array"))
        #expect(report.description.contains("\(array):2 (element 1): expected a JSON object, found a string"))
    }

    @Test func theFirstRecordWithAnIdWinsAndLaterOnesAreReported() throws {
        let folder = try TempFolder()
        let first = try folder.write("1.jsonl", "{\"id\": \"same\", \"title\": \"First\"}\n")
        let second = try folder.write(
            "2.jsonl", "{\"id\": \"x\", \"title\": \"X\"}\n{\"id\": \"same\", \"title\": \"Second\"}\n")
        let page = try folder.write("3_same.txt", "Third copy of the id.\n")
        let (articles, report) = CorpusLoader.load(paths: [folder.path])
        #expect(articles.map(\.title) == ["First", "X"])
        #expect(
            report.duplicates == [
                LoadIssue(
                    origin: .init(path: second, line: 2),
                    problem: .duplicateID("same", keptFrom: .init(path: first, line: 1))),
                LoadIssue(
                    origin: .init(path: page), problem: .duplicateID("same", keptFrom: .init(path: first, line: 1))),
            ])
        #expect(report.articlesLoaded == 2)
    }

    @Test func identicalRecordsWithoutIdsCollapseToOne() throws {
        let folder = try TempFolder()
        try folder.write("feed.jsonl", String(repeating: "{\"title\": \"Same\", \"body\": \"Same text.\"}\n", count: 3))
        let (articles, report) = CorpusLoader.load(paths: [folder.path])
        #expect(articles.count == 1)
        #expect(report.duplicates.map(\.origin.line) == [2, 3])
    }

    @Test func aFileNamedDirectlyLoadsAndAPathGivenTwiceLoadsOnce() throws {
        let folder = try TempFolder()
        let file = try folder.write("one.json", #"{"title": "Solo", "body": "Alone."}"#)
        let (articles, report) = CorpusLoader.load(paths: [file, folder.path])
        #expect(articles.map(\.title) == ["Solo"])
        #expect(report.filesRead == 1)
    }

    @Test func manyFilesLoadInTheSameOrderEveryTime() throws {
        let folder = try TempFolder()
        for index in (0..<40).reversed() {
            try folder.write("f\(index % 7)/\(index).jsonl", "{\"id\": \"r\(index)\", \"title\": \"T\(index)\"}\n")
        }
        let first = CorpusLoader.load(paths: [folder.path]).articles.map(\.id)
        #expect(first.count == 40)
        for _ in 0..<3 {
            #expect(CorpusLoader.load(paths: [folder.path]).articles.map(\.id) == first)
        }
    }
}
