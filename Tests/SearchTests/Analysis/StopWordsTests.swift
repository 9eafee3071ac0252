import TestSupport
import Testing

@testable import Search

/// `StopWords.index(of:)` goes through a perfect hash; it must give every stop word its rank in the
/// packed, sorted order (the number the index stores per stop word) and nothing else a number.
@Suite struct StopWordsTests {
    /// The plain definition: a word's number is its rank among the stop words' big-endian packed
    /// bytes, sorted.
    static let packed = StopWords.english.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }.sorted()

    static func rank(of word: [UInt8]) -> Int? {
        guard !word.isEmpty, word.count <= 8 else { return nil }
        return packed.firstIndex(of: word.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    static func index(_ word: [UInt8]) -> Int? { word.withUnsafeBufferPointer { StopWords.index(of: $0) } }

    @Test func everyStopWordHasItsRank() {
        let numbers = StopWords.english.map { Self.index(Array($0.utf8)) }
        #expect(numbers == StopWords.english.map { Self.rank(of: Array($0.utf8)) })
        #expect(Set(numbers.compactMap { $0 }) == Set(0..<StopWords.english.count))
    }

    /// Near misses (a stop word with a letter changed, added or dropped, other cases, a zero byte)
    /// and random short words: none is a stop word unless the definition says so.
    @Test func otherWordsAreNotStopWords() {
        var random = SeededGenerator(seed: 5)
        var words: [[UInt8]] = [[], [0], [0, 0, 0], Array("us".utf8), Array("The".utf8), Array("thes".utf8)]
        for stopWord in StopWords.english.map({ Array($0.utf8) }) {
            words.append(stopWord + [UInt8(ascii: "s")])
            words.append(Array(stopWord.dropLast()))
            words.append(Array(stopWord.dropFirst()))
            words.append(stopWord.map { $0 & ~0x20 })
            for index in stopWord.indices {
                var changed = stopWord
                changed[index] = changed[index] == UInt8(ascii: "z") ? UInt8(ascii: "a") : changed[index] + 1
                words.append(changed)
            }
        }
        for _ in 0..<50_000 {
            let length = Int.random(in: 1...6, using: &random)
            words.append((0..<length).map { _ in UInt8(ascii: "a") + UInt8.random(in: 0..<26, using: &random) })
        }
        let disagreeing = words.filter { Self.index($0) != Self.rank(of: $0) }
        #expect(disagreeing.isEmpty)
        #expect(words.contains { Self.rank(of: $0) != nil })
    }
}
