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

    /// Random keys of every length class the slots treat apart (packed up to 8 bytes, in the arena
    /// beyond, with the length in the entries from 255 bytes), over a small alphabet with zero bytes
    /// so that keys collide in their prefixes: every look-up agrees with a `Dictionary`.
    @Test func agreesWithADictionaryOnRandomKeys() {
        var generator = SystemRandomNumberGenerator()
        var cache = TermCache()
        var reference: [[UInt8]: Int] = [:]
        var numbers: [Int] = []
        for _ in 0..<20_000 {
            let length = [0, 1, 3, 7, 8, 9, 15, 16, 40, 254, 255, 256, 300].randomElement(using: &generator)!
            let key = (0..<length).map { _ in [0, 1, 97, 98, 255].randomElement(using: &generator)! as UInt8 }
            var made = false
            let number = key.withUnsafeBufferPointer { key in
                cache.entry(for: key) { _ in
                    made = true
                    return "t\(numbers.count)"
                }
            }
            if let known = reference[key] {
                #expect(!made)
                #expect(number == known)
            } else {
                #expect(made)
                #expect(number == numbers.count)
                reference[key] = number
                numbers.append(number)
            }
            #expect(cache.term(at: number) == "t\(number)")
        }
        #expect(cache.count == reference.count)
    }
}
