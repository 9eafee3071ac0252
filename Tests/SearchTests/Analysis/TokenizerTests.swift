import Testing

@testable import Search

@Suite struct TokenizerTests {
    private let tokenizer = Tokenizer()

    private func terms(_ text: String) -> [String] {
        tokenizer.tokens(text).map(\.term)
    }

    /// Every token's byte range must cut the text it came from, on scalar boundaries.
    private func slices(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return tokenizer.tokens(text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test(arguments: [
        ("Missiles were fired", ["missiles", "were", "fired"]),
        ("Japan's navy", ["japan", "navy"]),
        ("Japan’s navy", ["japan", "navy"]),
        ("the students' union", ["the", "students", "union"]),
        ("don't stop", ["dont", "stop"]),
        ("O'Neill said", ["oneill", "said"]),
        ("the U.S. and the U.K.", ["the", "us", "and", "the", "uk"]),
        ("U.S.A today", ["usa", "today"]),
        ("e.g. this", ["eg", "this"]),
        ("plan A. Then", ["plan", "a", "then"]),
        ("50,000 troops", ["50000", "troops"]),
        ("1,234,567.89 dollars", ["1234567.89", "dollars"]),
        ("items 1,2,3", ["items", "1", "2", "3"]),
        ("grew 3.5%", ["grew", "3.5"]),
        ("Café Zürich", ["cafe", "zurich"]),
        ("Straße", ["strasse"]),
        ("ÉCOLE Ørsted", ["ecole", "orsted"]),
        ("Αθήνα Москва", ["αθηνα", "москва"]),
        ("the end.", ["the", "end"]),
        ("well -- maybe", ["well", "maybe"]),
        ("1990's", ["1990"]),
    ])
    func words(_ text: String, _ expected: [String]) {
        #expect(terms(text) == expected)
    }

    @Test func hyphenatedWordIsEmittedWholeAndByParts() {
        let tokens = tokenizer.tokens("the Indo-Pacific region")
        #expect(tokens.map(\.term) == ["the", "indopacific", "indo", "pacific", "region"])
        #expect(tokens.map(\.position) == [0, 1, 1, 2, 3])
        #expect(tokens.map(\.span) == [1, 2, 1, 1, 1])
        #expect(slices("the Indo-Pacific region") == ["the", "Indo-Pacific", "Indo", "Pacific", "region"])
    }

    @Test func longCompoundSpansAllItsParts() {
        let tokens = tokenizer.tokens("air-to-air missile")
        #expect(tokens.map(\.term) == ["airtoair", "air", "to", "air", "missile"])
        #expect(tokens.map(\.position) == [0, 0, 1, 2, 3])
        #expect(tokens.first?.span == 3)
    }

    @Test func numericRangeIsEmittedOnlyByParts() {
        #expect(terms("the 2020-21 season") == ["the", "2020", "21", "season"])
    }

    @Test func amountsSplitIntoNumberAndUnit() {
        let text = "a $1.13bn deal"
        #expect(terms(text) == ["a", "1.13bn", "1.13", "bn", "deal"])
        #expect(slices(text) == ["a", "1.13bn", "1.13", "bn", "deal"])
    }

    @Test func lettersThenDigitsStayOneWord() {
        #expect(terms("G7 and MH17, COVID-19") == ["g7", "and", "mh17", "covid19", "covid", "19"])
    }

    @Test func ampersandJoinsLikeAHyphen() {
        #expect(terms("AT&T and R&D, salt & pepper") == ["att", "at", "t", "and", "rd", "r", "d", "salt", "pepper"])
    }

    @Test func ligaturesAndFullwidthLettersFold() {
        #expect(terms("ﬁnance ＡＢＣ１２") == ["finance", "abc12"])
    }

    @Test func abbreviationInsideCompound() {
        #expect(terms("U.S.-led talks") == ["usled", "us", "led", "talks"])
    }

    @Test func possessiveRangeCoversTheWordAsWritten() {
        #expect(slices("Japan’s army") == ["Japan’s", "army"])
        #expect(slices("the U.S.'s plan") == ["the", "U.S.'s", "plan"])
    }

    @Test func offsetsSliceMultiByteText() {
        let text = "«Ça va», dit Zoë à Kraków — 東京 😀 naïve"
        #expect(slices(text) == ["Ça", "va", "dit", "Zoë", "à", "Kraków", "東", "京", "naïve"])
        #expect(terms(text) == ["ca", "va", "dit", "zoe", "a", "krakow", "東", "京", "naive"])
    }

    @Test func decomposedAccentsFold() {
        #expect(terms("Cafe\u{301} cre\u{300}me") == ["cafe", "creme"])
        #expect(slices("Cafe\u{301} x") == ["Cafe\u{301}", "x"])
    }

    @Test func positionsCountEveryWord() {
        #expect(tokenizer.tokens("a b c").map(\.position) == [0, 1, 2])
    }

    @Test func overlongTermIsDroppedButKeepsItsPosition() {
        let long = String(repeating: "x", count: Tokenizer.maximumTermLength + 1)
        let tokens = tokenizer.tokens("before \(long) after")
        #expect(tokens.map(\.term) == ["before", "after"])
        #expect(tokens.map(\.position) == [0, 2])
    }

    @Test func malformedUTF8IsSkipped() {
        let bytes: [UInt8] = [0x61, 0x62, 0xFF, 0x63, 0xE2, 0x82, 0x20, 0x64]
        var scanner = TokenScanner()
        var seen: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            scanner.scan(buffer) { term, _, _, _, _ in seen.append(String(decoding: term, as: UTF8.self)) }
        }
        #expect(seen == ["ab", "c", "d"])
    }

    /// Random mixes of the characters the rules treat specially, plus malformed bytes: the scan
    /// never fails, ranges stay inside the text on scalar boundaries, positions never go back.
    @Test func randomTextKeepsTheTokenInvariants() {
        let pieces: [[UInt8]] =
            [
                "a", "Z", "é", "e\u{301}", "1", "0", ".", ",", "-", "'", "’", "&", "s", "S", " ", "東", "ß", "ﬁ",
                "\u{AD}",
            ].map { Array($0.utf8) } + [[0xFF], [0xE2, 0x80], [0xC3]]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var scanner = TokenScanner()
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(seed >> 60) + 1 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += pieces[Int(seed >> 33) % pieces.count]
            }
            var lastPosition = 0
            bytes.withUnsafeBufferPointer { buffer in
                scanner.scan(buffer) { term, position, span, start, end in
                    let slice =
                        start < end && end <= bytes.count
                        ? String(validating: bytes[start..<end], as: UTF8.self) : nil
                    #expect(slice != nil && !term.isEmpty && span >= 1 && position >= lastPosition, "\(bytes)")
                    lastPosition = position
                }
            }
        }
    }

    @Test func emptyAndPunctuationOnlyTextHasNoTokens() {
        #expect(tokenizer.tokens("").isEmpty)
        #expect(tokenizer.tokens(" -- ... ,,, ''' ").isEmpty)
    }

    /// Cutting a text anywhere must not crash or produce ranges outside the text.
    @Test func everyPrefixScansWithinBounds() {
        let text = "U.S.-led Indo-Pacific $1,234.5bn Japan’s café 東京"
        let bytes = Array(text.utf8)
        var scanner = TokenScanner()
        for length in 0...bytes.count {
            bytes[..<length].withUnsafeBufferPointer { buffer in
                scanner.scan(buffer) { term, _, _, start, end in
                    #expect(start < end && end <= length && !term.isEmpty)
                }
            }
        }
    }
}
