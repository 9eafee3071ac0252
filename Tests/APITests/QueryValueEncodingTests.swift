import Foundation
import TestSupport
import Testing

@testable import API

@Suite struct QueryValueEncodingTests {
    /// The fast path for unreserved ASCII must give Foundation's encoding byte for byte, on random
    /// strings of unreserved bytes, reserved ones, spaces, percent signs and non-ASCII letters.
    @Test func encodesLikeFoundation() {
        let pieces = [
            "a", "Z", "0", "9", "-", ".", "_", "~", " ", "%", "&", "=", "+", "/", "?", "#", "é", "ü", "中", "\u{1F600}",
        ]
        var generator = SeededGenerator(seed: 61)
        var values = ["", "government", "AbC-1.2_3~", "café", "a b", "12bn"]
        for _ in 0..<3000 {
            let length = Int.random(in: 1...12, using: &generator)
            // Mostly unreserved, so the fast path is taken often and left at every position.
            values.append(
                (0..<length).map { _ in
                    Int.random(in: 0..<4, using: &generator) == 0
                        ? pieces.randomElement(using: &generator)! : pieces[Int.random(in: 0..<8, using: &generator)]
                }.joined())
        }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        for value in values {
            #expect(
                ArticleListRequest.encode(value) == value.addingPercentEncoding(withAllowedCharacters: allowed),
                "\(value)")
        }
    }
}
