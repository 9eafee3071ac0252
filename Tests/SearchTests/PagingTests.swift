import Testing

@testable import Search

@Suite struct PagingTests {
    static let index = try! TestCorpus.index(TestCorpus.generated(count: 400))

    func everything(_ query: String, sort: SortOrder) throws -> [Int] {
        var request = SearchRequest(query: query)
        request.sort = sort
        request.limit = 1000
        request.snippets = nil
        request.collapseDuplicates = false
        return try Self.index.search(request).hits.map(\.doc)
    }

    @Test(arguments: SortOrder.allCases)
    func offsetPagesNeitherSkipNorRepeat(sort: SortOrder) throws {
        let all = try everything("market OR oil", sort: sort)
        #expect(all.count > 50)
        var paged: [Int] = []
        var offset = 0
        while true {
            var request = SearchRequest(query: "market OR oil")
            request.sort = sort
            request.offset = offset
            request.limit = 7
            request.snippets = nil
            request.collapseDuplicates = false
            let hits = try Self.index.search(request).hits
            if hits.isEmpty { break }
            paged += hits.map(\.doc)
            offset += 7
        }
        #expect(paged == all)
    }

    @Test(arguments: SortOrder.allCases)
    func cursorPagesNeitherSkipNorRepeat(sort: SortOrder) throws {
        let all = try everything("market OR oil", sort: sort)
        var paged: [Int] = []
        var cursor: String?
        var pages = 0
        repeat {
            var request = SearchRequest(query: "market OR oil")
            request.sort = sort
            request.limit = 9
            request.cursor = cursor
            request.snippets = nil
            request.collapseDuplicates = false
            let results = try Self.index.search(request)
            #expect(results.total == all.count)
            paged += results.hits.map(\.doc)
            cursor = results.nextCursor
            pages += 1
        } while cursor != nil && pages < 1000
        #expect(paged == all)
        #expect(Set(paged).count == paged.count)
    }

    /// Many equal scores: the generated titles repeat words, so ties must break by document.
    @Test func tiesAreBrokenByAscendingDocument() throws {
        var request = SearchRequest(query: "title:oil")
        request.limit = 1000
        request.snippets = nil
        let hits = try Self.index.search(request).hits
        for (a, b) in zip(hits, hits.dropFirst()) where a.score == b.score { #expect(a.doc < b.doc) }
    }

    @Test func aCursorFromAnotherSortIsRejected() throws {
        var request = SearchRequest(query: "market")
        request.limit = 5
        let cursor = try #require(try Self.index.search(request).nextCursor)
        request.sort = .date
        request.cursor = cursor
        #expect(throws: SearchIndexError.invalidCursor) { try Self.index.search(request) }
    }
}
