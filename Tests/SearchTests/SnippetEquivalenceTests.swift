import Foundation
import Testing

@testable import Search

/// The engine finds snippet matches by scanning bytes for the openings of the wanted terms and
/// analysing only those words and the passages' edges; these tests hold it to the plain definition
/// (`ReferenceSnippets`: analyse and stem the whole body) on generated bodies full of what makes
/// analysis hard: multi-byte and folded letters, inflections, abbreviations, possessives,
/// hyphenated words, numbers with units, apostrophes, stop words, and separators of every kind.
@Suite struct SnippetEquivalenceTests {
    static let words = [
        "market", "markets", "marketing", "Market's", "MARKET", "government", "Governments", "govern",
        "dying", "die", "died", "dies", "lying", "lie", "lies", "ties", "cries", "cry", "skies", "sky",
        "happy", "happily", "Japan's", "Japan’s", "U.S.", "U.K.'s", "e.g.", "US", "Indo-Pacific",
        "air-to-air", "COVID-19", "AT&T", "R&D", "e-mail", "x-ray", "X", "x", "5G", "12bn", "1.13bn", "50,000",
        "3.5", "2020-21", "don't", "O'Neill", "rock'n'roll", "café", "Café", "cafés", "Zürich", "zurich",
        "Ελλάδα", "ελλάδα", "東京", "naïve", "naive", "ﬁnance", "finance", "Straße", "strasse", "Ørsted",
        "ＦＵＬＬ", "full", "gov\u{00AD}ernment", "cafe\u{0301}", "Œuvre", "the", "of", "a", "and", "to",
        "(market)", "\"fell\"", "“market”", "‘fell’", "fell", "falls", "fall", "«marché»", "marché", "—", "...", "$5",
        "€12bn",
        "#tag", "@handle", "w/o", "i.e.", "A.B.", "a.", "Ü-Bahn", "über", "uber", "yes", "y", "Yield", "yields",
    ]
    static let separators = [" ", " ", " ", " ", ", ", ". ", "\n", "\t", " - ", "—", "\u{00A0}", "", "; ", "/"]

    /// A deterministic generator (a linear congruential one), so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func corpus(count: Int, seed: UInt64) -> [TestCorpus.Article] {
        var random = Generator(state: seed)
        return (0..<count).map { _ in
            let length = 1 + random.next(random.next(4) == 0 ? 400 : 60)
            var body = ""
            for index in 0..<length {
                if index > 0 { body += separators[random.next(separators.count)] }
                body += words[random.next(words.count)]
            }
            return TestCorpus.Article(title: words[random.next(words.count)], body: body)
        }
    }

    static func queries(count: Int, seed: UInt64) -> [String] {
        var random = Generator(state: seed)
        let plain = words.filter { word in
            word.unicodeScalars.allSatisfy { !"\"()-:*~«»$€#@/".unicodeScalars.contains($0) }
        }
        return (0..<count).map { _ in
            let first = plain[random.next(plain.count)]
            let second = plain[random.next(plain.count)]
            let third = plain[random.next(plain.count)]
            switch random.next(7) {
            case 0: return "\(first) \(second)"
            case 5: return "\(first) OR \(second) OR \(third)"
            case 1: return "\(first) OR \(second)"
            case 2: return "\"\(first) \(second)\""
            case 3: return String(first.prefix(2)) + "*"
            default: return first
            }
        }
    }

    func check(articles: [TestCorpus.Article], queries: [String], options: [SnippetOptions]) throws {
        let index = try TestCorpus.index(articles)
        var compared = 0
        var mismatches: [String] = []
        var workspace = AnalysisWorkspace()
        for (number, query) in queries.enumerated() {
            var request = SearchRequest(query: query)
            request.limit = SearchIndex.maximumLimit
            request.collapseDuplicates = false
            request.typoTolerance = false
            request.snippets = options[number % options.count]
            guard let node = try? index.parser.parse(query) else { continue }
            let leaves = index.evaluate(node).leaves
            for hit in try index.search(request).hits {
                let expected = ReferenceSnippets.snippets(
                    index: index, doc: hit.doc, leaves: leaves, options: request.snippets!, workspace: &workspace)
                compared += 1
                if hit.snippets != expected || hit.snippets.map(\.html) != expected.map(ReferenceSnippets.html),
                    mismatches.count < 5
                {
                    mismatches.append("q=\(query) doc=\(hit.doc): \(hit.snippets) != \(expected)")
                }
            }
        }
        #expect(compared > queries.count, "too few hits compared: \(compared)")
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test(arguments: [1, 2, 3])
    func sameSnippetsAsAnalysingTheWholeBody(seed: UInt64) throws {
        try check(
            articles: Self.corpus(count: 100, seed: seed), queries: Self.queries(count: 70, seed: seed &+ 100),
            options: [
                SnippetOptions(), SnippetOptions(count: 1, length: 20), SnippetOptions(count: 5, length: 60),
                SnippetOptions(count: 2, length: 400),
            ])
    }

    /// Text without ASCII spaces is one chunk; text of spaces and punctuation has no word at all.
    @Test func sameSnippetsOnUnspacedAndWordlessBodies() throws {
        let articles = [
            TestCorpus.Article(title: "market", body: "東京の市場market東京marketsは下落した。東京"),
            TestCorpus.Article(title: "market", body: "market,markets;marketing/market's—MARKET…market"),
            TestCorpus.Article(title: "market", body: "  ...  —  !!  \n\t "),
            TestCorpus.Article(title: "market", body: "the of and a to the of"),
            TestCorpus.Article(title: "market", body: String(repeating: "x", count: 300) + " market"),
        ]
        try check(
            articles: articles, queries: ["market", "東京", "marke*"],
            options: [SnippetOptions(), SnippetOptions(count: 2, length: 20)])
    }

    /// The stemmer keeps what `TermOpenings` relies on: the first letter, and the second in every
    /// stem of two or more letters, but for a second "y" turned "i"; checked over a real word list.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/dict/american-english")))
    func stemsKeepTheOpeningsOfTheirWords() throws {
        let list = try String(contentsOfFile: "/usr/share/dict/american-english", encoding: .utf8)
        let stemmer = PorterStemmer()
        var checked = 0
        var broken: [String] = []
        for line in list.split(separator: "\n") {
            let word = Array(line.utf8)
            guard word.count >= 3, word.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
                continue
            }
            var stem = word
            stemmer.stem(&stem)
            checked += 1
            let keeps =
                stem.first == word.first
                && (stem.count < 2 || stem[1] == word[1]
                    || (word[1] == UInt8(ascii: "y") && stem[1] == UInt8(ascii: "i")))
            if !keeps { broken.append("\(line) -> \(String(decoding: stem, as: UTF8.self))") }
        }
        #expect(checked > 30_000)
        #expect(broken.isEmpty, "\(broken.prefix(20))")
    }

    /// Every chunk holding a word that analyses to a wanted term is reported, whatever bytes open it.
    @Test func candidateChunksCoverEveryMatchingWord() {
        let openings = TermOpenings(["market", "5", "us", "die"])
        let text = "A market. 5G U.S. dying; Markets x 12 US's plain words here"
        var chunks: [String] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            openings.forEachCandidateChunk(in: bytes) { chunks.append(String(decoding: bytes[$0], as: UTF8.self)) }
        }
        #expect(chunks == ["market.", "5G", "U.S.", "dying;", "Markets", "US's"])
        // Non-ASCII punctuation starts no token but lets the next word start one; a non-ASCII
        // letter may fold to anything.
        let quoted = "“market” — dash—market plain ‘quote’ café 東京 words"
        chunks = []
        quoted.utf8.withContiguousStorageIfAvailable { bytes in
            TermOpenings(["market"]).forEachCandidateChunk(in: bytes) {
                chunks.append(String(decoding: bytes[$0], as: UTF8.self))
            }
        }
        #expect(chunks == ["“market”", "dash—market", "café", "東京"])
    }
}
