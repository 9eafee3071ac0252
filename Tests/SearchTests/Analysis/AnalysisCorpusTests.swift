import Foundation
import Testing

@testable import Search

/// Analysis over real news (the shared research corpus beside the repository; skipped when absent).
@Suite struct AnalysisCorpusTests {
    static let corpus = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "shared/corpus/news")

    static let isCorpusPresent = FileManager.default.fileExists(atPath: corpus.appending(path: "bbc.jsonl").path)

    static func bodies(_ file: String) throws -> [String] {
        let data = try Data(contentsOf: corpus.appending(path: file))
        return try data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let object = try JSONSerialization.jsonObject(with: line) as? [String: Any]
            return object?["body"] as? String
        }
    }

    @Test(.enabled(if: isCorpusPresent, "shared/corpus/news is absent"))
    func tokensOfRealNewsSliceTheirText() throws {
        var workspace = AnalysisWorkspace()
        for body in try Self.bodies("bbc.jsonl") {
            let bytes = Array(body.utf8)
            var lastPosition = -1
            var failures = 0
            Analyzer.exact.forEachToken(in: body, using: &workspace) { token in
                let slice =
                    token.start < token.end && token.end <= bytes.count
                    ? String(validating: bytes[token.start..<token.end], as: UTF8.self) : nil
                if slice == nil || token.term.isEmpty || token.position < lastPosition { failures += 1 }
                lastPosition = token.position
            }
            #expect(failures == 0, "bad tokens in: \(body.prefix(80))")
        }
    }

    /// What a reader copies out of an article and types as a query must find that article: every
    /// token's source text, analysed alone as a query word, gives the token's term.
    @Test(.enabled(if: isCorpusPresent, "shared/corpus/news is absent"))
    func sourceOfEveryTokenAnalysesToItsTerm() throws {
        var mismatches: [String] = []
        for body in try Self.bodies("bbc.jsonl").prefix(200) {
            let bytes = Array(body.utf8)
            for token in Analyzer.english.tokens(body) {
                let source = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                let term = Analyzer.english.term(source)
                if term != token.term { mismatches.append("\(source) -> \(term ?? "nil") != \(token.term)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(20))")
    }

    /// Throughput of the bulk path, for Docs/ANALYSIS.md. Opt in, in a release build:
    /// `NEWSDESK_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter analysisThroughput`
    /// Single-thread figures use the thread's CPU time, so other work on a shared machine does not
    /// skew them; the two-thread figure is wall time and does.
    @Test(.enabled(if: isCorpusPresent && ProcessInfo.processInfo.environment["NEWSDESK_BENCH"] != nil))
    func analysisThroughput() throws {
        let texts = try Self.bodies("bbc.jsonl") + Self.bodies("reuters21578.jsonl")
        let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1_000_000
        func seconds(_ clock: clockid_t) -> Double {
            var time = timespec()
            clock_gettime(clock, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        func measure(_ name: String, _ analyse: (String) -> Int) {
            var tokens = 0
            var best = Double.infinity
            for _ in 0..<5 {
                let start = seconds(CLOCK_THREAD_CPUTIME_ID)
                tokens = texts.reduce(0) { $0 + analyse($1) }
                best = min(best, seconds(CLOCK_THREAD_CPUTIME_ID) - start)
            }
            print(
                "analysis \(name): \(String(format: "%.1f", megabytes)) MB, \(tokens) tokens, best of 5 "
                    + "\(String(format: "%.3f", best)) s CPU = \(String(format: "%.1f", megabytes / best)) MB/s")
            #expect(tokens > 0)
        }
        var scanner = TokenScanner()
        measure("scan only") { text in
            var tokens = 0
            Tokenizer.withUTF8(text) { bytes in scanner.scan(bytes) { _, _, _, _, _ in tokens += 1 } }
            return tokens
        }
        for (name, analyzer) in [("exact", Analyzer.exact), ("english", Analyzer.english)] {
            var workspace = AnalysisWorkspace()
            measure(name) { text in
                var tokens = 0
                analyzer.forEachToken(in: text, using: &workspace) { _ in tokens += 1 }
                return tokens
            }
        }
        let threads = 2
        var best = Double.infinity
        for _ in 0..<5 {
            let start = seconds(CLOCK_MONOTONIC)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                var workspace = AnalysisWorkspace()
                for text in texts[(texts.count * thread / threads)..<(texts.count * (thread + 1) / threads)] {
                    Analyzer.english.forEachToken(in: text, using: &workspace) { _ in }
                }
            }
            best = min(best, seconds(CLOCK_MONOTONIC) - start)
        }
        print("analysis english on \(threads) threads: \(String(format: "%.1f", megabytes / best)) MB/s wall")
    }
}
