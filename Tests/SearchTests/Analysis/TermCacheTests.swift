import Testing

@testable import Search

@Suite struct TermCacheTests {
    private func term(_ cache: inout TermCache, _ word: String, calls: inout Int) -> String {
        Array(word.utf8).withUnsafeBufferPointer { key in
            cache.term(for: key) {
                calls += 1
                return String(decoding: $0, as: UTF8.self).uppercased()
            }
        }
    }

    @Test func buildsEachTermOnceAndKeepsEveryKeyThroughGrowth() {
        var cache = TermCache()
        var calls = 0
        let words = (0..<20_000).map { "w\($0)" }
        for word in words { #expect(term(&cache, word, calls: &calls) == word.uppercased()) }
        for word in words { #expect(term(&cache, word, calls: &calls) == word.uppercased()) }
        #expect(calls == words.count)
        #expect(cache.count == words.count)
    }

    @Test func keysDifferingOnlyInLengthOrLastByteAreDistinct() {
        var cache = TermCache()
        var calls = 0
        for word in ["ab", "abc", "abd", "a", ""] { _ = term(&cache, word, calls: &calls) }
        #expect(term(&cache, "abd", calls: &calls) == "ABD")
        #expect(term(&cache, "", calls: &calls) == "")
        #expect(calls == 5)
    }

    @Test func startsOverAtItsLimit() {
        var cache = TermCache(limit: 100)
        var calls = 0
        for index in 0..<250 { _ = term(&cache, "w\(index)", calls: &calls) }
        #expect(cache.count <= 100)
        #expect(term(&cache, "w249", calls: &calls) == "W249")
        #expect(calls == 250)
    }
}
