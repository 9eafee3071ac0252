import Testing

@testable import Entities

@Suite struct WordHashSetTests {
    /// Against `Set<UInt64>`: hashes of words, colliding low bits, zero, repeats and growth.
    @Test func holdsExactlyWhatWasInserted() {
        var state: UInt64 = 11
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        var set = WordHashSet()
        var reference = Set<UInt64>()
        let inserted = (0..<3_000).map { number -> UInt64 in
            switch number % 4 {
            case 0: ByteHash.of("word\(number)".utf8)
            case 1: UInt64(number % 50) << 40  // equal low bits: long probe runs
            case 2: number % 97 == 0 ? 0 : next()
            default: next() % 200  // small values, often repeated
            }
        }
        for hash in inserted {
            set.insert(hash)
            reference.insert(hash)
        }
        for hash in inserted { #expect(set.contains(hash)) }
        let probes = (0..<5_000).map { _ in next() % 400 } + [0, 1 << 40, 51 << 40]
        for hash in probes { #expect(set.contains(hash) == reference.contains(hash), "\(hash)") }
        #expect(!WordHashSet().contains(0))
    }
}
