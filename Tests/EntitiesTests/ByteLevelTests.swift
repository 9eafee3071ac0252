import Foundation
import Testing

@testable import Entities

/// The extractor's byte-level helpers against the `String` definitions they replace, on random
/// text of names, abbreviations, apostrophes, hyphens, periods, accents (composed and not),
/// non-Latin scripts and ALL CAPS lines.
@Suite struct ByteLevelTests {
    /// A deterministic generator (64-bit LCG), so that a failure can be reproduced.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let pieces = [
        "U.S.", "Gen.", "Mr.", "mr", "MR", "Dr", "O'Brien", "Japan’s", "Japan's", "Self-Defense", "then-President",
        "NATO", "São", "Sa\u{0303}o", "Gdańsk", "Gdan\u{0301}sk", "\u{212A}elvin", "Straße", "İstanbul", "ΑΘΗΝΑ",
        "Dockworkers'", "Workers'", "Union", "AT&T", "&", "50,000", "3.5", "—", "–", "-", "--", "“", "”", "‘", "…",
        "...", "of", "Of", "the", "THE", "and", "And", "for", "v.", "vs.", "VS.", "beat", "said", "Bank", "of",
        "Japan", "East", "China", "Sea", "Bosnia", "Herzegovina", "chair", "Minister", "Defense", "Pete", "Hegseth",
        "J.", "e.g.", "Inc.", "Corp.", "de", "la", "(", ")", ",", ":", ";", "\u{037E}", "•", "I'm", "Don’t", "Mc",
        "café", "cafe\u{0301}", "NEW", "YORK", "Reuters", "Ιωάννης", "Москва", "北京", "🙂", "x\u{0300}\u{0301}",
    ]
    static let separators = [" ", " ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", " - "]

    static func randomText(_ random: inout Random) -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.next(6)) {
            var line = ""
            for index in 0..<(1 + random.next(14)) {
                if index > 0 { line += random.pick(separators) }
                line += random.pick(pieces)
            }
            lines.append(random.next(4) == 0 ? line.uppercased() : line)
        }
        return lines.joined(separator: random.pick(["\n", "\n\n", " "]))
    }

    /// Every section of 400 random texts, as the extractor builds it.
    static func withSections(_ body: (SectionText) -> Void) {
        var random = Random(state: 2026)
        for _ in 0..<400 {
            var text = randomText(&random)
            text.withUTF8 { bytes in
                body(SectionText(bytes: bytes, segmented: TextSegmenter().segment(bytes), inTitle: false))
            }
        }
    }

    static func bytes(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] { Array(buffer) }

    @Test func lowerCasedAndNormalisedBytesAreTheStrings() {
        var checked = 0
        ByteLevelTests.withSections { section in
            for index in section.tokens.indices {
                let token = section.tokens[index]
                #expect(
                    section.withBareLowercased(index, ()) { ByteLevelTests.bytes($1) }
                        == Array(section.bareLowercased(index).utf8))
                #expect(
                    section.withLowercased(from: token.start, to: token.end, ()) { ByteLevelTests.bytes($1) }
                        == Array(section.lowercased(index).utf8))
                #expect(
                    section.withNormalised(index, ()) { ByteLevelTests.bytes($1) }
                        == Array(section.normalised(index).utf8))
                checked += 1
            }
        }
        #expect(checked > 5_000)
    }

    /// The headline shapes, which hash a short lower-case word only when the answer depends on it,
    /// against their definition: words count unless they are minor words in lower case; ALL CAPS
    /// when at least 6 in 10 words are in capitals; Title Case when not ALL CAPS, two words or more
    /// and every counted word capitalised.
    @Test func headlineShapesMatchTheirDefinition() {
        var shapes = (allCaps: 0, titleCase: 0, sentences: 0)
        ByteLevelTests.withSections { section in
            for (number, range) in section.segmented.sentences.enumerated() {
                var words = 0
                var capitalised = 0
                var capitals = 0
                for index in range where section.tokens[index].kind == .word {
                    let shape = section.tokens[index].shape
                    if shape.contains(.allCaps) { capitals += 1 }
                    if shape.contains(.allCaps) || shape.contains(.capitalised) {
                        capitalised += 1
                        words += 1
                    } else if !SectionText.minorWords.contains(section.text(index).lowercased()) {
                        words += 1
                    }
                }
                let shouting = capitals >= 1 && capitals * 10 >= words * 6
                #expect(section.allCaps[number] == shouting)
                #expect(section.titleCase[number] == (!shouting && words >= 2 && capitalised == words))
                shapes.allCaps += shouting ? 1 : 0
                shapes.titleCase += section.titleCase[number] ? 1 : 0
                shapes.sentences += 1
            }
        }
        #expect(
            shapes.allCaps > 100 && shapes.titleCase > 100 && shapes.sentences - shapes.allCaps - shapes.titleCase > 100
        )
    }

    @Test func keysAreTheNormalisedWordsJoinedBySpaces() {
        var random = Random(state: 7)
        ByteLevelTests.withSections { section in
            for range in section.segmented.sentences {
                for _ in 0..<4 {
                    let start = range.lowerBound + random.next(range.count)
                    let end = start + 1 + random.next(min(6, range.upperBound - start))
                    let expected = (start..<end).map { section.normalised($0) }.joined(separator: " ")
                    #expect(section.withKey(start..<end, ()) { ByteLevelTests.bytes($1) } == Array(expected.utf8))
                }
            }
        }
    }

    /// The classes of a token are the lists its `bareLowercased` (or, keeping the period,
    /// `lowercased`) form is in, and punctuation marks match as `Set<String>` would.
    @Test func wordClassesAndMarksMatchTheStringSets() {
        let lists: [(Set<String>, WordClasses)] = [
            (ContextWords.titleAbbreviations, .titleAbbreviation), (ContextWords.functionWords, .functionWord),
            (ContextWords.months, .month), (ContextWords.titleHeads, .titleHead),
            (ContextWords.versusWords, .versusWord), (ContextWords.nameParticles, .nameParticle),
            (MentionDetector.ofJoiners, .ofJoiner), (["of"], .of), (["the"], .the), (["&"], .ampersand),
            (["mr", "mrs", "ms", "dr"], .titleWithoutPeriod),
        ]
        let marks: [Set<String>] = [
            ["“", "\"", "‘", "(", "[", ":", "—", "–", "'", "•", "*", ";"], ["-", "--"], ["'", "\u{2019}"],
        ]
        let tables = [SectionText.openers, SectionText.dashes, SectionText.apostrophes]
        ByteLevelTests.withSections { section in
            for index in section.tokens.indices {
                let bare = section.bareLowercased(index)
                let full = section.lowercased(index)
                for (list, flag) in lists {
                    #expect(section.classes(index).contains(flag) == list.contains(bare), "\(bare)")
                    #expect(section.classesKeepingPeriod(index).contains(flag) == list.contains(full), "\(full)")
                }
                for (list, table) in zip(marks, tables) {
                    let expected = section.tokens[index].kind == .punctuation && list.contains(section.text(index))
                    #expect(section.isPunctuation(index, table) == expected, "\(section.text(index))")
                }
            }
        }
        // "\u{037E}" (Greek question mark) is canonically ";": a String set finds it, so must the table.
        #expect(SectionText.openers.contains("\u{037E}"))
    }

    /// `ByteKeyTable` answers as a `Dictionary<String, UInt32>` of the same keys: canonically
    /// equivalent spellings are one key, found by either spelling.
    @Test func byteKeyTableAgreesWithADictionary() {
        var random = Random(state: 99)
        var table = ByteKeyTable()
        var reference: [String: UInt32] = [:]
        var probes: [String] = ["", "\u{212A}", "K", "e\u{0301}", "é"]
        for number in 0..<3_000 {
            var key = ""
            for _ in 0..<random.next(4) { key += random.pick(ByteLevelTests.pieces) }
            if number % 7 == 0 { key += "\(number)" }
            let value = UInt32(random.next(1_000))
            if random.next(3) > 0 {
                table.insert(key, value: value, combine: |)
                reference[key, default: 0] |= value
            }
            probes.append(key)
            probes.append(key.decomposedStringWithCanonicalMapping)
        }
        for key in probes {
            #expect(table.value(key) == reference[key], "\(key.unicodeScalars.map(\.value))")
            var copy = key
            #expect(copy.withUTF8 { table.value($0) } == reference[key])
        }
        #expect(table.count == reference.count)
        #expect(Set(table.keys) == Set(reference.keys))
    }

    /// `isNFC` is only ever true of text that NFC leaves unchanged.
    @Test func quickNFCCheckIsNeverWrong() {
        var random = Random(state: 5)
        var trueCount = 0
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<(1 + random.next(3)) { text += random.pick(ByteLevelTests.pieces) }
            let nfc = text.precomposedStringWithCanonicalMapping
            if text.utf8.withContiguousStorageIfAvailable({ ByteKeyTable.isNFC($0) }) == true {
                trueCount += 1
                #expect(Array(nfc.utf8) == Array(text.utf8), "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(trueCount > 1_000)
    }

    @Test func lowercasedBytesAreStringLowercased() {
        var random = Random(state: 13)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(1 + random.next(3)) { text += random.pick(ByteLevelTests.pieces) }
            let lowered = text.utf8.withContiguousStorageIfAvailable {
                LowercasedBytes.with($0, ()) { ByteLevelTests.bytes($1) }
            }
            #expect(lowered == Array(text.lowercased().utf8), "\(text)")
        }
    }

    /// Every multi-word name's first two words are a prefix the headline search accepts.
    @Test func everyLongerNameStartsWithAKnownPrefix() throws {
        let gazetteer = try Gazetteer.loadDefault()
        var checked = 0
        for name in gazetteer.names.keys {
            let words = name.split(separator: " ", omittingEmptySubsequences: false)
            guard words.count >= 2 else { continue }
            var prefix = "\(words[0]) \(words[1])"
            #expect(prefix.withUTF8 { gazetteer.mayStartLongerName($0) }, "\(name)")
            checked += 1
        }
        var unknown = "Qqzx Vvjw"
        #expect(!unknown.withUTF8 { gazetteer.mayStartLongerName($0) })
        #expect(checked > 10_000)
    }
}

@Suite struct ByteHashTests {
    /// The buffer, sequence and lower-casing forms agree, and 50,000 distinct words (every
    /// length from 0 to 40, so every tail length) give 50,000 distinct hashes.
    @Test func formsAgreeAndDistinctWordsDoNotCollide() {
        var random = ByteLevelTests.Random(state: 31)
        var seen: [UInt64: [UInt8]] = [:]
        for number in 0..<50_000 {
            var word = Array("w\(number)".utf8)
            while word.count < number % 41 { word.append(UInt8(0x41 + random.next(58))) }
            let hash = word.withUnsafeBufferPointer { ByteHash.of($0) }
            #expect(hash == ByteHash.of(word.lazy.map { $0 }))
            let folded = word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            #expect(word.withUnsafeBufferPointer { ByteHash.ofLowercasedASCII($0) } == ByteHash.of(folded))
            if let other = seen[hash] { #expect(other == word, "collision") }
            seen[hash] = word
        }
        #expect(ByteHash.of([UInt8]()) != ByteHash.of([0]))
    }
}
