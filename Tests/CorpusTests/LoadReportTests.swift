import Testing

@testable import Corpus

@Suite struct LoadReportTests {
    @Test func theTextNamesCountsAndEveryIssue() {
        let report = LoadReport(
            formats: [
                .init(format: .txt, files: 1, articles: 1), .init(format: .json, files: 0, articles: 0),
                .init(format: .jsonl, files: 2, articles: 1_000),
            ],
            filesRead: 3, filesIgnored: 2, articlesLoaded: 1_001,
            skipped: [.init(origin: .init(path: "a.jsonl", line: 4), problem: .noTitleOrBody)],
            duplicates: [
                .init(
                    origin: .init(path: "b.jsonl", line: 9),
                    problem: .duplicateID("x", keptFrom: .init(path: "a.jsonl", line: 1)))
            ],
            warnings: [
                .init(
                    origin: .init(path: "e.json", line: 2), element: 0,
                    problem: .unparseableDate(field: "date", value: "soon"))
            ],
            elapsed: .milliseconds(1_234))
        #expect(
            report.description == """
                Loaded 1001 articles from 3 files in 1.234 s
                  txt: 1 file, 1 article
                  jsonl: 2 files, 1000 articles
                  ignored: 2 files with other extensions
                Skipped (1):
                  a.jsonl:4: the record has neither a title nor a body
                Duplicate ids (1):
                  b.jsonl:9: duplicate id "x" (kept the record from a.jsonl:1)
                Warnings (1):
                  e.json:2 (element 0): unrecognised date in "date": "soon"
                """)
        #expect(report.elapsedSeconds == 1.234)
    }
}
