import Foundation
import Testing

@testable import API

@Suite struct ArticleJSONTests {
    @Test func excerptKeepsTheFirstWordsOnOneLineAndMarksTheCut() {
        let words = (1...45).map { "w\($0)" }
        let body = words[0..<20].joined(separator: " ") + ",\n\n" + words[20...].joined(separator: "\t")
        let expected = words[0..<20].joined(separator: " ") + ", " + words[20..<40].joined(separator: "\t") + "…"
        #expect(excerpt(body) == quoted(expected))
    }

    @Test func shortBodyIsKeptWholeWithParagraphsJoined() {
        #expect(excerpt("Kyiv said so.\n\nMoscow did not.") == quoted("Kyiv said so. Moscow did not."))
        #expect(excerpt("") == quoted(""))
    }

    @Test func nonASCIISpacesSeparateWordsAndPunctuationRunsCount() {
        let body = (1...41).map { "ž\($0)" }.joined(separator: "\u{3000}") + " — end"
        let expected = (1...40).map { "ž\($0)" }.joined(separator: "\u{3000}") + "…"
        #expect(excerpt(body) == quoted(expected))
        let dashes = Array(repeating: "—", count: 41).joined(separator: " ")
        #expect(excerpt(dashes) == quoted(Array(repeating: "—", count: 40).joined(separator: " ") + "…"))
    }

    /// The excerpt as a summary writes it: its end found by `ExcerptEnd`, then written as a JSON
    /// string from the body.
    private func excerpt(_ body: String) -> [UInt8] {
        var body = body
        let json = body.withUTF8 { text in
            var json = JSONWriter()
            ExcerptEnd(body: text).write(from: text, into: &json)
            return json.bytes
        }
        return json
    }

    /// `text` as a JSON string, as `JSONWriter` writes any string (bytes: `String` equality would
    /// take a decomposed accent for a composed one).
    private func quoted(_ text: String) -> [UInt8] {
        var json = JSONWriter()
        json.string(text)
        return json.bytes
    }

    /// The excerpt as it was written with Foundation's `trimmingCharacters` and
    /// `replacingOccurrences`, which the byte-level one must match exactly.
    static func foundationExcerpt(_ body: String) -> String {
        var words = 0
        var inWord = false
        let scalars = body.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            let isSpace =
                scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if !isSpace && !inWord {
                words += 1
                if words > ArticleJSON.excerptWords {
                    let cut = String(scalars[..<index]).trimmingCharacters(in: .whitespacesAndNewlines)
                    return cut.replacingOccurrences(of: "\n\n", with: " ") + "…"
                }
            }
            inWord = !isSpace
        }
        return body.replacingOccurrences(of: "\n\n", with: " ")
    }

    @Test func excerptMatchesFoundationsTrimmingAndJoiningOnRandomText() {
        let pieces = [
            "word", "é", "Ωmega", " ", " ", "\n", "\n\n", "\n\n\n", "\t", "\u{0B}", "\u{1C}", "\u{85}",
            "\u{A0}", "\u{1680}", "\u{2003}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}",
            "\u{FEFF}", "—", "😀", "x\u{301}", ".",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...140, using: &generator)
            let body = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(excerpt(body) == quoted(Self.foundationExcerpt(body)), "\(Array(body.unicodeScalars))")
        }
    }
}
