import Corpus
import Foundation
import HTTP
import Server
import Synchronization
import Testing

@testable import API

/// Records are rendered on request and kept in a bounded cache; summaries are written on request.
/// These hold both to what the server answered when every record and summary was rendered at load.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ArticleRecordTests {
    static let sample = Snapshot.load(paths: [CorpusLoader.sampleCorpusURL.path])

    /// Runs `body` with the port of a server on two event loops answering from the sample corpus
    /// with a record cache of `recordCacheSlots` slots and a summary cache of `summaryCacheSlots`,
    /// and stops the server after it.
    static func withSampleServer(
        recordCacheSlots: Int = RecordCache.defaultSlotCount, summaryCacheSlots: Int = SummaryCache.defaultSlotCount,
        _ body: (Int) throws -> Void
    ) throws {
        let service = NewsdeskService(configuration: NewsdeskConfiguration())
        service.install(
            ServingState(snapshot: sample, recordCacheSlots: recordCacheSlots, summaryCacheSlots: summaryCacheSlots))
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 2
        let server = HTTPServer(configuration: configuration, responder: service.makeResponder())
        let port = try server.start()
        defer {
            server.shutdown()
            server.waitUntilStopped()
        }
        try body(port)
    }

    /// Every article's record as `ArticleJSON.record` renders it afresh, in corpus order.
    static func freshRecords(_ snapshot: Snapshot) -> [String] {
        snapshot.articles.indices.map {
            String(
                decoding: ArticleJSON.record(snapshot.articles[$0], entities: snapshot.entities, number: $0),
                as: UTF8.self)
        }
    }

    /// Every record of the sample corpus over a real socket, rendered (four cache slots for the
    /// whole corpus, so articles keep evicting each other), then from the cache, then gzipped:
    /// each is byte for byte the record `ArticleJSON.record` renders afresh.
    @Test func recordsOverASocketEqualAFreshRenderWhetherRenderedCachedOrGzipped() throws {
        let snapshot = Self.sample
        try Self.withSampleServer(recordCacheSlots: 4) { port in
            let expected = Self.freshRecords(snapshot)
            let urls = snapshot.articles.map { "http://127.0.0.1:\(port)/v1/articles/\($0.id)" }
            // Each URL twice in a row: the first renders, the second is answered from the cache.
            let twice = try Self.bodies(urls.flatMap { [$0, $0] })
            #expect(twice.count == 2 * expected.count)
            for (index, record) in expected.enumerated() {
                #expect(twice[2 * index] == record, "rendered \(snapshot.articles[index].id)")
                #expect(twice[2 * index + 1] == record, "cached \(snapshot.articles[index].id)")
            }
            let gzipped = try Self.curl(urls, gzip: true)
            #expect(gzipped.map(\.encoding) == Array(repeating: "gzip", count: urls.count))
            #expect(gzipped.map(\.body) == expected)
        }
    }

    /// Six clients at once over keep-alive connections spread over two event loops, each reading
    /// every record in its own order, half of them gzipped, through a cache of four slots, so
    /// records are rendered, replaced and read back from the cache by both loops at once: every
    /// body must be the record `ArticleJSON.record` renders afresh.
    @Test func concurrentClientsOnTwoLoopsGetEveryRecordWhole() throws {
        let snapshot = Self.sample
        try Self.withSampleServer(recordCacheSlots: 4) { port in
            let expected = Self.freshRecords(snapshot)
            let clients = 6
            let orders = (0..<clients).map { client in
                (0..<3).flatMap { round in
                    snapshot.articles.indices.map { ($0 * (2 * client + 1) + round * 7) % snapshot.articles.count }
                }
            }
            let results = Mutex<[Int: [(body: String, encoding: String)]]>([:])
            DispatchQueue.concurrentPerform(iterations: clients) { client in
                let urls = orders[client].map { "http://127.0.0.1:\(port)/v1/articles/\(snapshot.articles[$0].id)" }
                let bodies = (try? Self.curl(urls, gzip: client % 2 == 1)) ?? []
                results.withLock { $0[client] = bodies }
            }
            for client in 0..<clients {
                let bodies = results.withLock { $0[client] } ?? []
                #expect(bodies.count == orders[client].count, "client \(client) got every answer")
                for (index, answer) in zip(orders[client], bodies) {
                    #expect(answer.body == expected[index], "client \(client), \(snapshot.articles[index].id)")
                    #expect(answer.encoding == (client % 2 == 1 ? "gzip" : ""))
                }
            }
        }
    }

    /// The paragraphs, body and mention texts are written straight from the body's bytes: they must
    /// read back as the article's own text, and each mention's offsets as UTF-16 positions of its text.
    @Test func recordTextsAreTheArticlesOwnAndMentionOffsetsCountUTF16Units() throws {
        let snapshot = Self.sample
        var nonASCIIMentions = 0
        for (index, article) in snapshot.articles.enumerated() {
            let bytes = ArticleJSON.record(article, entities: snapshot.entities, number: index)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect(record["paragraphs"] as? [String] == article.paragraphs)
            #expect(record["body"] as? String == article.body)
            let units = Array(article.body.utf16)
            for entity in record["entities"] as? [[String: Any]] ?? [] {
                for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                    let start = try #require(mention["start"] as? Int)
                    let end = try #require(mention["end"] as? Int)
                    #expect(String(decoding: units[start..<end], as: UTF16.self) == mention["text"] as? String)
                    if article.body.utf8.count != units.count { nonASCIIMentions += 1 }
                }
            }
        }
        // The corpus must exercise offsets after multi-byte characters, or the check above proves little.
        #expect(nonASCIIMentions > 0)
    }

    @Test func aSlotKeepsOneRecordUntilAnotherArticleTakesIt() {
        let cache = RecordCache(slotCount: 2)
        var renders = 0
        let first = cache.record(0) {
            renders += 1
            return [0]
        }
        let again = cache.record(0) {
            renders += 1
            return [9]
        }
        #expect(again === first && again.body == [0] && renders == 1)
        _ = cache.record(1) {
            renders += 1
            return [1]
        }
        #expect(cache.holds(0) && cache.holds(1))
        _ = cache.record(2) {
            renders += 1
            return [2]
        }
        #expect(!cache.holds(0) && cache.holds(1) && cache.holds(2))
        let rendered = cache.record(0) {
            renders += 1
            return [0]
        }
        #expect(rendered !== first && renders == 4)
    }

    /// A summary as it was rendered once per article at load: identity fields with the date
    /// through `DateBound.format`, then the excerpt as a `String` made the Foundation way.
    static func referenceSummary(_ article: Article) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.field("id", article.id)
            json.field("title", article.title)
            json.field("date", article.published.map(DateBound.format))
            json.field("source", article.source)
            json.field("category", article.category)
            json.field("url", article.url)
            json.field("excerpt", ArticleJSONTests.foundationExcerpt(article.body))
        }
        return json.bytes
    }

    /// Each summary written on request (from the article and the end `ExcerptEnds` found for it,
    /// in parallel slices; through the summary cache, empty at first) is the pre-rendered
    /// summary's bytes: every article of the sample corpus,
    /// and 5,000 made of escapes, paragraph breaks, Unicode spaces, missing fields and dates
    /// outside the fast path's range.
    @Test func summariesWrittenOnRequestEqualTheReferenceRendering() {
        let pieces = [
            "word", "Ωmega", " ", "\n", "\n\n", "\n\n\n", "\t", "\"", "\\", "<b>", "\u{01}", "\u{1F}", "\u{85}",
            "\u{A0}", "\u{2003}", "\u{2028}", "\u{3000}", "\u{FEFF}", "—", "😀", "x\u{301}", ".", "…",
        ]
        var generator = SystemRandomNumberGenerator()
        func text(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        let made = (0..<5_000).map { number -> Article in
            let published: Date? =
                switch number % 4 {
                case 0: nil
                case 1: Date(timeIntervalSince1970: Double(Int.random(in: -3_000_000_000...4_000_000_000)))
                case 2: Date(timeIntervalSince1970: Double(number) * 3_600.25)
                default: Date(timeIntervalSince1970: -40_000_000_000 + Double(number))
                }
            return Article(
                id: "s-\(number)", title: text(0...8), body: text(0...160), paragraphs: [], published: published,
                source: number % 3 == 0 ? nil : text(0...3),
                url: number % 2 == 0 ? "https://example.test/\(number)" : nil,
                category: number % 5 == 0 ? nil : "news", origin: .init(path: "test.jsonl", line: number + 1))
        }
        for articles in [Self.sample.articles, made] {
            let snapshot = Snapshot(articles: articles, report: Self.sample.report, extractEntities: false)
            let catalog = ArticleCatalog(snapshot: snapshot)
            var mismatches = 0
            for index in snapshot.articles.indices {
                var json = JSONWriter()
                json.array { catalog.writeSummaries([index], into: &$0) }
                if json.bytes != [UInt8(ascii: "[")] + Self.referenceSummary(snapshot.articles[index]) + [
                    UInt8(ascii: "]")
                ] {
                    mismatches += 1
                    if mismatches <= 3 { Issue.record("summary of \(snapshot.articles[index]) differs") }
                }
            }
            #expect(mismatches == 0)
        }
    }

    /// A summary stays in its slot until another article's takes it.
    @Test func aSummarySlotKeepsOneArticleUntilAnotherTakesIt() {
        let cache = SummaryCache(slotCount: 4)
        #expect(cache.summaries([0, 1]).allSatisfy { $0 == nil })
        cache.store([.init(index: 0, json: [0], identityEnd: 1), .init(index: 1, json: [1], identityEnd: 1)])
        #expect(cache.summaries([1, 0, 2]).map { $0?.json } == [[1], [0], nil])
        cache.store([.init(index: 4, json: [4], identityEnd: 1), .init(index: 2, json: [2], identityEnd: 1)])
        #expect(!cache.holds(0) && cache.holds(1) && cache.holds(2) && cache.holds(4))
        #expect(cache.summaries([0, 4]).map { $0?.json } == [nil, [4]])
    }

    /// A search hit copies its identity fields out of the summary's cache entry, written by a list
    /// page (in place, after other summaries) or by the search itself: they must be what
    /// `ArticleJSON.identityFields` writes, escapes and nulls included.
    @Test func cachedSummariesHoldTheIdentityFieldsAsWritten() {
        let catalog = ArticleCatalog(snapshot: Self.sample, summaryCacheSlots: 64)
        let indexes = Array(Self.sample.articles.indices)
        var page = JSONWriter()
        page.array { catalog.writeSummaries(Array(indexes.prefix(10)), into: &$0) }
        for entry in catalog.summaryEntries(indexes) {
            var json = JSONWriter()
            json.object { ArticleJSON.identityFields(of: Self.sample.articles[entry.index], into: &$0) }
            #expect(Array(entry.identityMembers) == Array(json.bytes.dropFirst().dropLast()), "\(entry.index)")
            #expect(entry.json == Self.referenceSummary(Self.sample.articles[entry.index]))
        }
    }

    /// Pages of the sample corpus through a summary cache of 8 slots, read in three orders (so
    /// slots are taken over and filled again) are the reference summaries, byte for byte.
    @Test func listPagesThroughASmallSummaryCacheEqualTheReference() {
        let catalog = ArticleCatalog(snapshot: Self.sample, summaryCacheSlots: 8)
        let count = Self.sample.articles.count
        for order in [Array(0..<count), (0..<count).reversed(), (0..<count).map { $0 * 7 % count }] {
            for start in stride(from: 0, to: count, by: 5) {
                let page = Array(order[start..<min(count, start + 5)])
                var written = JSONWriter()
                written.array { catalog.writeSummaries(page, into: &$0) }
                var expected = JSONWriter()
                expected.array { json in
                    for index in page { json.raw(Self.referenceSummary(Self.sample.articles[index])) }
                }
                #expect(written.bytes == expected.bytes, "page \(page)")
            }
        }
    }

    /// List pages and search hits (whose identity fields come from the summaries' cache entries)
    /// read by six clients at once on two event loops through a summary cache of four slots, so
    /// summaries are written, replaced and copied out by both loops at once: every body must be
    /// the one a server with the default cache answers to a lone client.
    @Test func concurrentClientsOnTwoLoopsGetEveryListPageAndSearchWhole() throws {
        let count = Self.sample.articles.count
        let paths =
            stride(from: 0, to: count, by: 3).flatMap { offset in
                ["sort=-date", "sort=date", "sort=id"].map { "/v1/articles?limit=7&offset=\(offset)&\($0)" }
            }
            + ["minister", "bank", "election OR vote", "port", "minister -election"].map {
                "/v1/search?q=\($0.replacingOccurrences(of: " ", with: "+"))&limit=20"
            }
        var expected: [String] = []
        try Self.withSampleServer { port in
            expected = try Self.bodies(paths.map { "http://127.0.0.1:\(port)\($0)" })
        }
        #expect(expected.count == paths.count)
        #expect(expected.allSatisfy { $0.hasPrefix("{") && $0.contains("\"items\":[{") }, "every page has items")
        try Self.withSampleServer(summaryCacheSlots: 4) { port in
            let clients = 6
            let orders = (0..<clients).map { client in
                (0..<2).flatMap { round in paths.indices.map { ($0 * (2 * client + 1) + round * 5) % paths.count } }
            }
            let results = Mutex<[Int: [String]]>([:])
            DispatchQueue.concurrentPerform(iterations: clients) { client in
                let urls = orders[client].map { "http://127.0.0.1:\(port)\(paths[$0])" }
                let bodies = (try? Self.bodies(urls)) ?? []
                results.withLock { $0[client] = bodies }
            }
            for client in 0..<clients {
                let bodies = results.withLock { $0[client] } ?? []
                #expect(bodies.count == orders[client].count, "client \(client) got every answer")
                for (index, body) in zip(orders[client], bodies) {
                    #expect(body == expected[index], "client \(client), \(paths[index])")
                }
            }
        }
    }

    /// Bodies from one `curl` run over several URLs (a JSON body holds no raw newline, so one
    /// written after each body separates them), with the `Content-Encoding` each came with.
    static func curl(_ urls: [String], gzip: Bool = false) throws -> [(body: String, encoding: String)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments =
            ["-s", "--max-time", "20", "-w", "\n%header{content-encoding}\n"] + (gzip ? ["--compressed"] : []) + urls
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return stride(from: 0, to: lines.count - 1, by: 2).map { (String(lines[$0]), String(lines[$0 + 1])) }
    }

    static func bodies(_ urls: [String]) throws -> [String] {
        try curl(urls, gzip: false).map(\.body)
    }
}
