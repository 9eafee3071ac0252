import Foundation
import Testing

@testable import Entities

/// The byte-level shortcuts of detection and typing against the `String` definitions they
/// replace, on the random texts of `ByteLevelTests` (accents composed and not, ALL CAPS lines,
/// plural possessives, hyphens, non-Latin scripts).
@Suite struct NameKeyAndLookupTests {
    static let extractor = try! EntityExtractor.loadDefault()

    /// Every range of up to six tokens starting in each sentence, and the section.
    static func withRanges(_ body: (SectionText, Range<Int>) -> Void) {
        ByteLevelTests.withSections { section in
            for sentence in section.segmented.sentences {
                for start in sentence {
                    for end in (start + 1)...min(start + 6, sentence.upperBound) { body(section, start..<end) }
                }
            }
        }
    }

    /// The definition `nameKey` replaces: each token's `normalised` word, a plural possessive
    /// appended to the word before it, the words joined by spaces.
    static func definedWords(_ section: SectionText, _ range: Range<Int>) -> [String] {
        var words: [String] = []
        for index in range {
            if section.isPluralPossessive(index), let last = words.popLast() {
                words.append(last + section.text(index))
            } else {
                words.append(section.normalised(index))
            }
        }
        return words
    }

    /// The `lookup` of a list of words before it worked on bytes: the joined words, else their
    /// Title Case when one is in capitals only.
    static func definedLookup(_ words: [String]) -> NameFlags {
        let gazetteer = extractor.gazetteer
        let flags = gazetteer.flags(words.joined(separator: " "))
        if !flags.isEmpty { return flags }
        let hasCapitalsOnlyWord = words.contains { word in
            word.utf8.count > 1 && !word.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
                && word.utf8.contains { $0 >= 0x41 && $0 <= 0x5A }
        }
        guard hasCapitalsOnlyWord else { return flags }
        return gazetteer.flags(words.map { SectionText.titleCased($0) }.joined(separator: " "))
    }

    /// `nameKey` is the defined words joined by spaces, with their count; a candidate's words,
    /// first and last word are those words.
    @Test func nameKeysAreTheWordsJoinedBySpaces() {
        var checked = 0
        var possessives = 0
        NameKeyAndLookupTests.withRanges { section, range in
            let words = NameKeyAndLookupTests.definedWords(section, range)
            let (key, count) = section.nameKey(range)
            #expect(Array(key.utf8) == Array(words.joined(separator: " ").utf8))
            #expect(count == words.count)
            #expect(section.nameWords(range) == words)
            let candidate = Candidate(
                inTitle: false, tokens: range, start: 0, end: 0, sentence: 0, surface: "", key: key, wordCount: count,
                titleBefore: false)
            #expect(candidate.words.map { Array($0.utf8) } == words.map { Array($0.utf8) })
            #expect(Array(candidate.firstWord.utf8) == Array(words[0].utf8))
            #expect(Array(candidate.lastWord.utf8) == Array(words[words.count - 1].utf8))
            if words.count < range.count { possessives += 1 }
            checked += 1
        }
        #expect(checked > 20_000 && possessives > 100)
    }

    /// `lookup(joined:)` and the lookups of a key's words but the first or the last answer as the
    /// `String` lookup of the words did: on the random texts' runs, and on gazetteer names written
    /// in capitals (the Title Case retry), in NFD and with their first word dropped.
    @Test func byteLookupsAgreeWithTheStringLookup() {
        let extractor = NameKeyAndLookupTests.extractor
        var known = 0
        func check(_ words: [String]) {
            let expected = NameKeyAndLookupTests.definedLookup(words)
            let key = words.joined(separator: " ")
            #expect(extractor.lookup(key) == expected, "\(key)")
            if !expected.isEmpty { known += 1 }
            guard words.count >= 2 else { return }
            #expect(
                extractor.lookup(key, dropping: .first)
                    == NameKeyAndLookupTests.definedLookup(Array(words.dropFirst())), "\(key)")
            #expect(
                extractor.lookup(key, dropping: .last)
                    == NameKeyAndLookupTests.definedLookup(Array(words.dropLast())), "\(key)")
        }
        NameKeyAndLookupTests.withRanges { section, range in check(NameKeyAndLookupTests.definedWords(section, range)) }
        let names = extractor.gazetteer.names.keys.sorted()
        for name in stride(from: 0, to: names.count, by: 97).map({ names[$0] }) {
            let words = name.split(separator: " ").map(String.init)
            check(words)
            check(words.map { $0.uppercased() })
            check(words.map { $0.decomposedStringWithCanonicalMapping })
            check(["NEW"] + words.map { $0.uppercased() })
        }
        #expect(known > 2_000)
    }

    /// The section's remembered flags of a range are always those of its `withKey` bytes, asked
    /// in any order and again (some ranges share a slot and are looked up again).
    @Test func rememberedFlagsAreTheLookedUpFlags() {
        let gazetteer = NameKeyAndLookupTests.extractor.gazetteer
        var random = ByteLevelTests.Random(state: 17)
        var checked = 0
        ByteLevelTests.withSections { section in
            var ranges: [Range<Int>] = []
            for sentence in section.segmented.sentences {
                for start in sentence {
                    for end in (start + 1)...min(start + 6, sentence.upperBound) { ranges.append(start..<end) }
                }
            }
            for _ in 0..<(ranges.count * 3) {
                let range = ranges[random.next(ranges.count)]
                #expect(section.nameFlags(range, gazetteer) == section.withKey(range, gazetteer) { $0.flags($1) })
                checked += 1
            }
        }
        #expect(checked > 50_000)
        let memo = NameFlagsMemo(tokens: 40)
        memo[3..<5] = [.city, .person]
        #expect(memo[3..<5] == [.city, .person] && memo[3..<4] == nil && memo[4..<5] == nil)
        memo[(1 << 24)..<(1 << 24 + 1)] = .city
        #expect(memo[(1 << 24)..<(1 << 24 + 1)] == nil)
    }

    /// `NameNumbers` numbers names as a `Dictionary<String, Int>` would: canonically equivalent
    /// spellings ("São" composed or not, the Kelvin sign and "K") are one name.
    @Test func nameNumbersAgreeWithADictionary() {
        var random = ByteLevelTests.Random(state: 23)
        var names: [String] = ["\u{212A}elvin", "Kelvin", "Sa\u{0303}o", "São", "", "Gdan\u{0301}sk Shipyard Ltd"]
        for _ in 0..<2_000 {
            var name = ""
            for _ in 0..<random.next(4) { name += random.pick(ByteLevelTests.pieces) + " " }
            names.append(random.next(3) == 0 ? name.decomposedStringWithCanonicalMapping : name)
        }
        var numbers = NameNumbers(capacity: names.count)
        var reference: [String: Int] = [:]
        for name in names {
            let expected = reference[name] ?? reference.count
            reference[name] = expected
            #expect(numbers.number(of: name) == expected, "\(name.unicodeScalars.map(\.value))")
        }
        #expect(numbers.count == reference.count)
        #expect(numbers.number(of: "Kelvin") == numbers.number(of: "\u{212A}elvin"))
    }

    /// The name numbers handed to `EntityIndexBuilder.add`: equal numbers are equal names.
    @Test func equalNameNumbersAreEqualNames() {
        let extractor = NameKeyAndLookupTests.extractor
        var random = ByteLevelTests.Random(state: 41)
        var numbered = 0
        for _ in 0..<300 {
            let title = ByteLevelTests.randomText(&random)
            let text = ByteLevelTests.randomText(&random) + " Pete Hegseth said. Hegseth left. The U.S. and Japan."
            let (mentions, numbers) = extractor.extractNumbered(title: title, text: text)
            #expect(mentions == extractor.extract(title: title, text: text))
            #expect(numbers.count == mentions.count)
            var nameOfNumber: [Int: String] = [:]
            for (mention, number) in zip(mentions, numbers) where number >= 0 {
                if let name = nameOfNumber[number] { #expect(name == mention.name) }
                nameOfNumber[number] = mention.name
                numbered += 1
            }
        }
        #expect(numbered > 1_000)
    }

    /// The ASCII shortcuts of typing: a word cut at its hyphens, the place word after a name,
    /// digits in a word.
    @Test func typingShortcutsAgreeWithTheirStringForms() {
        for word in [
            "Indo-Pacific", "Vienna-based", "-", "--", "a-", "-b", "Sino--Japanese", "Café-Noir", "Vienna", "Café",
        ] {
            let parts = word.split(separator: "-").map(String.init)
            let expected = word.contains("-") && !parts.isEmpty ? (parts[0], parts[parts.count - 1]) : nil
            let found = EntityExtractor.hyphenParts(word)
            #expect(found?.first == expected?.0 && found?.last == expected?.1, "\(word)")
        }
        let extractor = NameKeyAndLookupTests.extractor
        var places = 0
        ByteLevelTests.withSections { section in
            for index in section.tokens.indices {
                let next = section.lowercased(index)
                let expected =
                    next.first?.isLowercase == true
                    && (ContextWords.locationHeads.contains(next)
                        || next.hasSuffix("s") && ContextWords.locationHeads.contains(String(next.dropLast())))
                let classes = section.classesKeepingPeriod(index)
                #expect(extractor.isLocationWord(index, classes, in: section) == expected, "\(next)")
                if expected { places += 1 }
                let word = section.text(index)
                #expect(EntityExtractor.containsNumber(word) == word.contains(where: \.isNumber))
            }
        }
        for text in ["the Dogger shoals", "the Baltic coast", "the BALTIC COASTS", "Lake Vättern's shores"] {
            var text = text
            text.withUTF8 { bytes in
                let section = SectionText(bytes: bytes, segmented: TextSegmenter().segment(bytes), inTitle: false)
                let index = section.tokens.count - 1
                let next = section.lowercased(index)
                let expected =
                    ContextWords.locationHeads.contains(next)
                    || next.hasSuffix("s") && ContextWords.locationHeads.contains(String(next.dropLast()))
                #expect(extractor.isLocationWord(index, section.classesKeepingPeriod(index), in: section) == expected)
                if expected { places += 1 }
            }
        }
        #expect(places >= 4)
    }

    /// The NFC check's eight-byte ASCII steps: ASCII runs of every length before a mark that NFC
    /// changes, or one it keeps.
    @Test func quickNFCCheckReadsLongASCIIRuns() {
        for length in 0..<20 {
            let run = String(repeating: "a", count: length)
            // Each tail, and whether the quick check must accept it (NFC bytes it knows).
            let tails = [
                ("", true), ("e\u{0301}", false), ("\u{00E9}", true), ("\u{212A}", false), ("\u{2019}", true),
                ("\u{03A9}", false),
            ]
            for (tail, accepted) in tails {
                let text = run + tail
                let nfc = text.precomposedStringWithCanonicalMapping
                let quick = text.utf8.withContiguousStorageIfAvailable { ByteKeyTable.isNFC($0) } ?? false
                if quick { #expect(Array(nfc.utf8) == Array(text.utf8), "\(text)") }
                if accepted { #expect(quick, "\(text)") }
            }
        }
    }
}
