import Foundation
import Testing

@testable import Entities

/// Throughput on real news, single-threaded; run in release with `ENTITIES_BENCH=1` (debug builds
/// are several times slower, so the threshold is only asserted when asked for).
@Suite(
    .serialized, .enabled(if: ProcessInfo.processInfo.environment["ENTITIES_BENCH"] != nil),
    .enabled(if: FileManager.default.fileExists(atPath: SharedCorpus.path("news/bbc.jsonl"))))
struct ExtractionSpeedTests {
    struct Record: Decodable {
        var title: String
        var body: String
    }

    @Test func extractsAtLeast300kTokensPerSecondPerCore() throws {
        let extractor = try EntityExtractor.loadDefault()
        var articles: [(title: String, text: String)] = []
        for file in ["news/bbc.jsonl", "news/reuters21578.jsonl"] {
            let text = try String(contentsOfFile: SharedCorpus.path(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let record = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
                articles.append((record.title, record.body))
            }
        }
        let segmenter = TextSegmenter()
        let tokens = articles.reduce(0) {
            $0 + segmenter.segment($1.title).tokens.count + segmenter.segment($1.text).tokens.count
        }
        // Per core means per CPU-second of the one thread extracting: thread CPU time leaves out
        // what the scheduler gave other processes on a shared machine; wall time is printed beside it.
        func threadCPUSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let clock = ContinuousClock()
        var mentions = 0
        let cpuStart = threadCPUSeconds()
        let elapsed = clock.measure {
            for article in articles { mentions += extractor.extract(title: article.title, text: article.text).count }
        }
        let cpuSeconds = threadCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(tokens) / cpuSeconds
        var extracted: [[EntityMention]] = []
        let parallelElapsed = clock.measure { extracted = extractor.extractAll(articles) }
        var index: EntityIndex?
        let indexElapsed = clock.measure {
            var builder = EntityIndexBuilder()
            for (number, mentions) in extracted.enumerated() {
                builder.add(
                    article: number, date: Date(timeIntervalSince1970: Double(number) * 3600), mentions: mentions)
            }
            index = builder.build()
        }
        let parallelSeconds =
            Double(parallelElapsed.components.seconds) + Double(parallelElapsed.components.attoseconds) / 1e18
        print(
            "extraction: \(articles.count) articles, \(tokens) tokens, \(mentions) mentions, "
                + "\(Int(cpuSeconds * 1000)) ms thread CPU = \(Int(rate)) tokens/s per core "
                + "(\(Int(seconds * 1000)) ms wall = \(Int(Double(tokens) / seconds)) tokens/s); "
                + "all cores \(Int(parallelSeconds * 1000)) ms = \(Int(Double(tokens) / parallelSeconds)) tokens/s; "
                + "index of \(index?.entities.count ?? 0) entities built in \(indexElapsed)")
        #expect(rate >= 300_000)
    }

    /// Start-up share of the Entities module on a corpus written by `make_scaled.py`: extraction on
    /// all cores, then `add` and `build`, with CPU time beside wall time (the machine is shared).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ENTITIES_BENCH_SCALED"] != nil))
    func buildsTheIndexOfAScaledCorpus() throws {
        let path = ProcessInfo.processInfo.environment["ENTITIES_BENCH_SCALED"] ?? ""
        let extractor = try EntityExtractor.loadDefault()
        let articles = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let record = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
            return (title: record.title, text: record.body)
        }
        func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let clock = ContinuousClock()
        let cpuStart = cpuSeconds()
        var mentions: [[EntityMention]] = []
        let extraction = clock.measure { mentions = extractor.extractAll(articles) }
        let cpuExtracted = cpuSeconds()
        var index: EntityIndex?
        let building = clock.measure {
            var builder = EntityIndexBuilder()
            for (number, found) in mentions.enumerated() { builder.add(article: number, date: nil, mentions: found) }
            index = builder.build()
        }
        let cpuBuilt = cpuSeconds()
        print(
            "scaled: \(articles.count) articles, \(index?.entities.count ?? 0) entities; extraction \(extraction) "
                + "(\(cpuExtracted - cpuStart) s CPU), add + build \(building) (\(cpuBuilt - cpuExtracted) s CPU)")
        #expect(index?.articleCount == articles.count)
    }
}
