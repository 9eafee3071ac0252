import Foundation
import TestSupport
import Testing

@testable import Corpus

/// The byte-level shortcuts of record mapping give what the general paths give.
@Suite struct FieldFoldingTests {
    /// Texts of ASCII letters, every character of `CharacterSet.whitespacesAndNewlines` below 128,
    /// NEL, NBSP, an em space, a NUL, DEL and accented letters, so that every kind of end occurs.
    @Test func trimmingWhitespaceEqualsFoundationsTrimming() {
        let alphabet: [Character] = [
            "a", "Z", "7", "-", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{00}",
            "\u{7F}", "é", "\u{1F600}",
        ]
        var random = SeededGenerator(seed: 20261203)
        var untouched = 0
        for _ in 0..<5_000 {
            let text = String(
                (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let trimmed = text.trimmingWhitespace()
            #expect(trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
            if trimmed == text && !text.isEmpty { untouched += 1 }
        }
        #expect(untouched > 500)
    }

    /// Every role's names with random case and `_`, `-` and spaces put in, and keys of other ASCII,
    /// against the fold of the scalars' lower-case mappings; non-ASCII keys take that fold itself.
    @Test func asciiKeysFoldLikeTheirScalars() {
        func reference(_ key: String) -> RecordMapper.Role? {
            var folded = ""
            for scalar in key.unicodeScalars where scalar != "_" && scalar != "-" && scalar != " " {
                folded.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            }
            return RecordMapper.roles[folded]
        }
        var random = SeededGenerator(seed: 20261204)
        var keys = Array(RecordMapper.roles.keys) + ["", "_", "x-id", "Body Text!", "pub.date", "\u{7F}id"]
        for name in RecordMapper.roles.keys {
            var key = ""
            for character in name {
                if Int.random(in: 0..<4, using: &random) == 0 {
                    key.append(["_", "-", " "].randomElement(using: &random)!)
                }
                key.append(Bool.random(using: &random) ? Character(character.uppercased()) : character)
            }
            keys.append(key)
        }
        for key in keys { #expect(RecordMapper.role(of: key) == reference(key), "\(key)") }
        #expect(RecordMapper.role(of: "Pub_Date") == .date)
        #expect(RecordMapper.role(of: "\u{130}D") == .id)  // İ lower-cases to i and a combining dot
        #expect(RecordMapper.role(of: "Títle") == nil)
    }
}
