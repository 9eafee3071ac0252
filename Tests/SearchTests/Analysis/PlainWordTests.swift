import TestSupport
import Testing

@testable import Search

/// The scanner's plain-word path (`TokenScanner.plainWordEnd`) must report exactly what the general
/// path reports: same terms, positions, spans and source ranges, on random texts of words, digits,
/// the joiners `'-&.,`, other ASCII punctuation, whitespace and non-ASCII letters, marks and
/// ignorables, and on long words past `Tokenizer.maximumTermLength`.
@Suite struct PlainWordTests {
    struct Reported: Equatable {
        var term: [UInt8]
        var position: Int
        var span: Int
        var start: Int
        var end: Int
    }

    static let pieces = PlainChunkTests.pieces + [" ", " ", "\n", "\t", "U.S.", "e.g.", "A.", "it's", "Japan’s"]

    static func scan(_ text: [UInt8], plainWords: Bool) -> [Reported] {
        var reported: [Reported] = []
        var scanner = TokenScanner()
        scanner.readsPlainWordsDirectly = plainWords
        text.withUnsafeBufferPointer { text in
            scanner.scan(text) { term, position, span, start, end in
                reported.append(Reported(term: Array(term), position: position, span: span, start: start, end: end))
            }
        }
        return reported
    }

    @Test func plainWordsScanAsTheGeneralPathDoes() {
        var random = SeededGenerator(seed: 11)
        let long = String(repeating: "Ab", count: Tokenizer.maximumTermLength / 2)
        let pieces = Self.pieces + [long, long + "c", String(long.dropLast())]
        var tokens = 0
        for _ in 0..<5_000 {
            var text: [UInt8] = []
            for _ in 0..<(1 + Int.random(in: 0..<12, using: &random)) {
                text += pieces.randomElement(using: &random)!.utf8
            }
            let plain = Self.scan(text, plainWords: true)
            #expect(plain == Self.scan(text, plainWords: false), "\(String(decoding: text, as: UTF8.self))")
            tokens += plain.count
        }
        #expect(tokens > 8_000)
    }
}
