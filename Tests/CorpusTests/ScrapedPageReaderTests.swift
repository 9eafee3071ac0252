import Testing

@testable import Corpus

/// Pages the libFuzzer target `FuzzCorpusLoaders` (Scripts/fuzz/run.sh) turned up.
@Suite struct ScrapedPageReaderTests {
    /// Its crash input: the page was loaded as an article with an empty title.
    @Test func pageOfPunctuationOnlyIsEmpty() {
        #expect(ScrapedPageReader.parse("\t\n\n\n..\n(\"") == nil)
    }

    @Test func titleComesFromTheFirstParagraphThatHasOne() {
        let page = ScrapedPageReader.parse("...\n\nThe harbour reopened on Monday. Ships queued.\n")
        #expect(page?.title == "The harbour reopened on Monday")
        #expect(page?.paragraphs == ["...", "The harbour reopened on Monday. Ships queued."])
    }

    @Test func emptyPageIsSkippedWithItsReason() {
        let bytes = Array("..\n\n(\"\n".utf8)
        let outcome = bytes.withUnsafeBufferPointer { ScrapedPageReader.read($0, path: "dots.txt") }
        #expect(outcome.articles.isEmpty)
        #expect(outcome.skipped.map(\.problem) == [.emptyPage])
    }
}
