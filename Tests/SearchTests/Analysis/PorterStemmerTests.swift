import Foundation
import Testing

@testable import Search

@Suite struct PorterStemmerTests {
    private let stemmer = PorterStemmer()

    /// Stems worked out by hand from the Porter2 definition; each line exercises the rule named.
    @Test(arguments: [
        ("caresses", "caress"),  // 1a: sses -> ss
        ("ties", "tie"),  // 1a: ies after one letter -> ie
        ("cries", "cri"),  // 1a: ies after two letters -> i
        ("gas", "gas"),  // 1a: s kept, the only vowel is just before it
        ("gaps", "gap"),  // 1a: s dropped
        ("kiwis", "kiwi"),
        ("census", "census"),  // 1a: us kept
        ("missiles", "missil"),  // 1a, then 5: e in R1 after a long syllable
        ("agreed", "agre"),  // 1b: eed in R1 -> ee, then 5 drops e in R2
        ("feed", "feed"),  // 1b: eed outside R1
        ("proceed", "proceed"),  // 1b: exception stem
        ("hopping", "hop"),  // 1b: undouble
        ("hoped", "hope"),  // 1b: short word gains e
        ("luxuriating", "luxuri"),  // 1b: at -> ate, then 4 drops ate in R2
        ("deterring", "deter"),
        ("adding", "add"),  // 1b: double kept after a single initial a/e/o
        ("dying", "die"),  // 1b: ying after one consonant -> ie
        ("herring", "herring"),  // 1b: exception stem
        ("sing", "sing"),  // 1b: no vowel before ing
        ("happy", "happi"),  // 1c
        ("by", "by"),  // too short
        ("say", "say"),  // 1c: vowel before y
        ("relational", "relat"),  // 2: ational -> ate, 4: ate in R2
        ("conditional", "condit"),  // 2: tional -> tion, 4: ion after t
        ("generously", "generous"),  // region prefix gener
        ("international", "internat"),  // region prefix inter keeps R2 past "nat", 2: ousli -> ous
        ("fluently", "fluentli"),  // 2: entli outside R1
        ("communism", "communism"),  // prefix commun makes ism start at R1 but not R2
        ("electrical", "electr"),  // 3: ical -> ic, 4: ic in R2
        ("hopefulness", "hope"),  // 2: fulness -> ful, 3: ful deleted
        ("formative", "format"),  // 3: ative outside R2, then 4: ive in R2
        ("adjustment", "adjust"),  // 4: ment
        ("replacement", "replac"),  // 4: ement
        ("adoption", "adopt"),  // 4: ion after t
        ("controll", "control"),  // 5: ll in R2
        ("skis", "ski"),  // exception
        ("skies", "sky"),  // exception
        ("news", "news"),  // exception
        ("early", "earli"),  // exception
        ("yelling", "yell"),  // initial Y restored to y
        ("obeying", "obey"),  // y after a vowel is a consonant
        ("japan's", "japan"),  // 1a: possessive
        ("students'", "student"),
        ("consolidated", "consolid"),
        ("conspiracy", "conspiraci"),
        ("knackeries", "knackeri"),
    ])
    func knownStems(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test func nonASCIIWordsPassThrough() {
        #expect(stemmer.stem("naïveté") == "naïveté")
        #expect(stemmer.stem("") == "")
    }

    /// Word for word against PyStemmer (the Snowball reference C code) over the wamerican list.
    @Test(
        .enabled(if: StemmerOracle.unavailableReason == nil, Comment(rawValue: StemmerOracle.unavailableReason ?? "")))
    func matchesSnowballReference() throws {
        let pairs = try StemmerOracle.referenceStems()
        #expect(pairs.count >= 30_000)
        var mismatches: [String] = []
        for (word, expected) in pairs {
            let stem = stemmer.stem(word)
            if stem != expected { mismatches.append("\(word): \(stem) != \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(30).joined(separator: ", "))")
    }
}

/// Runs `Scripts/stemmer-oracle.py`; without python3, PyStemmer or the word list the oracle test is
/// skipped with the reason the script gave.
enum StemmerOracle {
    static let script = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Scripts/stemmer-oracle.py")

    static let unavailableReason: String? = {
        do {
            let (status, _, error) = try run(["--check"])
            return status == 0 ? nil : "stemmer oracle unavailable: \(error)"
        } catch {
            return "stemmer oracle unavailable: python3 could not be run (\(error))"
        }
    }()

    static func referenceStems() throws -> [(word: String, stem: String)] {
        let (status, output, error) = try run([])
        try #require(status == 0, "oracle failed: \(error)")
        return output.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
        }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
