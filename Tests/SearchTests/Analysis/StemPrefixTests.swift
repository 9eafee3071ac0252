import Foundation
import Testing

@testable import Search

/// `TermOpenings` skips a word unless it starts with all but the last letter of a wanted stem (the
/// last two for "-ble" and "-ie"): Porter2 only rewrites the end of a word. These hold that to the stemmer over a large
/// vocabulary (the gazetteer's common English words) and inflections of a sample of them.
@Suite struct StemPrefixTests {
    static func vocabulary() throws -> [String] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Sources/Entities/Gazetteer/common-words.txt")
        let words = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let endings = [
            "", "s", "es", "ies", "ed", "ied", "ing", "ingly", "edly", "ly", "ness", "ation", "ational", "ity",
            "ities", "bility", "ibly", "ably", "ize", "ization", "izer", "ism", "ist", "ive", "iveness", "ful",
            "fully", "fulness", "less", "lessly", "ous", "ously", "ousness", "ence", "ency", "ance", "ancy", "al",
            "ally", "ical", "icate", "iciti", "ent", "ently", "ement", "ment", "y", "e", "er", "ers", "eed", "eedly",
        ]
        // Every word, and every 64th with each ending (all of them with every ending took minutes
        // in a debug build).
        var all = Set<String>()
        let plain = words.filter { $0.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } }
        for (number, word) in plain.enumerated() {
            all.insert(word)
            if number % 64 == 0 { for ending in endings { all.insert(word + ending) } }
        }
        return all.sorted()
    }

    @Test func everyWordStartsWithTheRequiredPrefixOfItsStem() throws {
        var workspace = AnalysisWorkspace()
        var checked = 0
        var failures: [String] = []
        for word in try Self.vocabulary() {
            let bytes = Array(word.utf8)
            let stem = bytes.withUnsafeBufferPointer { workspace.term(for: $0, stemming: true) }
            guard let prefix = TermOpenings.requiredPrefix(of: stem.utf8) else { continue }
            checked += 1
            if !bytes.starts(with: prefix) { failures.append("\(word) -> \(stem)") }
        }
        #expect(checked > 50_000)
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// The openings skip a word by its raw bytes only where they cannot fold to the prefix.
    @Test func rawWordsAreSkippedOnlyOnAPlainMismatch() {
        let openings = TermOpenings(["market"])
        func candidates(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            var found: [String] = []
            bytes.withUnsafeBufferPointer { buffer in
                openings.forEachCandidateChunk(in: buffer) { found.append(String(decoding: buffer[$0], as: UTF8.self)) }
            }
            return found
        }
        #expect(candidates("many major markets may mar MARKED mark") == ["markets", "MARKED"])
        #expect(
            candidates("Mar-ket mar’ket ma\u{00AD}rket (Market's) 12market") == [
                "Mar-ket", "mar’ket", "ma\u{00AD}rket", "(Market's)", "12market",
            ])
        #expect(candidates("mar") == [] && candidates("marx") == [] && candidates("marks") == [])
        #expect(TermOpenings.requiredPrefix(of: "possibl".utf8) == Array("possib".utf8))
        #expect(TermOpenings.requiredPrefix(of: "fell".utf8) == Array("fel".utf8))
        #expect(
            TermOpenings.requiredPrefix(of: "tie".utf8) == nil && TermOpenings.requiredPrefix(of: "die".utf8) == nil)
        let many = Array("many".utf8)
        // With a term too short for a prefix, the opening alone decides.
        #expect(many.withUnsafeBufferPointer { TermOpenings(["market", "tie"]).admits(folded: $0) })
        #expect(!many.withUnsafeBufferPointer { openings.admits(folded: $0) })
    }
}
