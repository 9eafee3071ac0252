import Testing

@testable import Search

@Suite struct AnalyzerTests {
    @Test func englishStemsAndDropsStopWordsKeepingPositions() {
        let tokens = Analyzer.english.tokens("The missiles of the Bank")
        #expect(tokens.map(\.term) == ["missil", "bank"])
        #expect(tokens.map(\.position) == [1, 4])
    }

    @Test func exactKeepsStopWordsAndDoesNotStem() {
        #expect(Analyzer.exact.tokens("The missiles of Japan’s").map(\.term) == ["the", "missiles", "of", "japan"])
    }

    @Test(arguments: [
        ("missiles", "missile"), ("deterring", "deter"), ("Japan's", "Japan"), ("U.S.", "US"), ("café", "CAFE"),
        ("Indo-Pacific", "indopacific"),
    ])
    func queryWordMatchesIndexedForm(_ written: String, _ typed: String) {
        #expect(Analyzer.english.term(typed) != nil)
        #expect(Analyzer.english.term(typed) == Analyzer.english.tokens(written).first?.term)
    }

    @Test func termOfStopWordIsNil() {
        #expect(Analyzer.english.term("the") == nil)
        #expect(Analyzer.exact.term("the") == "the")
        #expect(Analyzer.english.term("...") == nil)
    }

    @Test func termOfSeveralSeparateTermsIsNil() {
        #expect(Analyzer.english.term("2020-21") == nil)
        #expect(Analyzer.english.tokens("2020-21").map(\.term) == ["2020", "21"])
    }

    @Test func numbersAndForeignWordsAreNotStemmed() {
        #expect(Analyzer.english.tokens("1990s 3.5").map(\.term) == ["1990s", "1990", "s", "3.5"])
        #expect(Analyzer.english.tokens("Москвы").map(\.term) == ["москвы"])
    }

    @Test func foldingHappensBeforeStemming() {
        #expect(Analyzer.english.term("naïveté") == "naivet")
        #expect(Analyzer.english.term("naïveté") == Analyzer.english.term("NAIVETE"))
    }

    @Test func hyphenatedPartsAreStemmedAndStopPartsDropped() {
        let tokens = Analyzer.english.tokens("state-of-the-art missiles")
        #expect(tokens.map(\.term) == ["stateoftheart", "state", "art", "missil"])
        #expect(tokens.map(\.position) == [0, 0, 3, 4])
    }

    @Test func reusedWorkspaceGivesTheSameTokens() {
        var workspace = AnalysisWorkspace()
        let texts = ["Running runners ran", "The runner's runs", "Running again"]
        for text in texts {
            var seen: [Token] = []
            Analyzer.english.forEachToken(in: text, using: &workspace) { seen.append($0) }
            #expect(seen == Analyzer.english.tokens(text))
        }
    }
}
