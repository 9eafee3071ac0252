@testable import Search

/// Small hand-made corpora for the engine's tests.
enum TestCorpus {
    struct Article {
        var title: String
        var body: String
        var source = "wire"
        var category = "news"
        var date: Int64? = nil
    }

    /// Title weighted 2, body 1, so the BM25F arithmetic in the tests stays readable.
    static let schema = SearchSchema(
        textFields: [.init("title", weight: 2), .init("body")], keywordFields: ["source", "category", "entity"])

    static func index(_ articles: [Article], configure: (inout IndexBuilder) -> Void = { _ in }) throws -> SearchIndex {
        var builder = IndexBuilder(schema: schema)
        for article in articles {
            try builder.add(
                SearchDocument(
                    text: [article.title, article.body], keywords: [[article.source], [article.category], []],
                    date: article.date))
        }
        configure(&builder)
        return builder.build()
    }

    /// Deterministic pseudo-random words (a linear congruential generator), for paging and scale tests.
    static func generated(count: Int, seed: UInt64 = 42) -> [Article] {
        let words = [
            "market", "shares", "rally", "bank", "rates", "growth", "election", "vote", "party", "match",
            "goal", "season", "film", "award", "actor", "phone", "network", "software", "oil", "price",
        ]
        let sources = ["bbc", "reuters", "ap"]
        let categories = ["business", "politics", "sport", "tech"]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let title = (0..<3).map { _ in words[next(words.count)] }.joined(separator: " ")
            let body = (0..<(5 + next(20))).map { _ in words[next(words.count)] }.joined(separator: " ")
            return Article(
                title: title, body: body, source: sources[next(sources.count)],
                category: categories[next(categories.count)], date: next(4) == 0 ? nil : Int64(next(50)))
        }
    }
}

extension SearchIndex {
    func docs(_ query: String, configure: (inout SearchRequest) -> Void = { _ in }) throws -> [Int] {
        var request = SearchRequest(query: query)
        request.limit = 1000
        request.snippets = nil
        configure(&request)
        return try search(request).hits.map(\.doc)
    }
}
