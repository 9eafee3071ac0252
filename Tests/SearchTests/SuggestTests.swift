import Foundation
import Testing

@testable import Search

@Suite struct SuggestTests {
    static let corpus: [TestCorpus.Article] = [
        .init(title: "", body: "Hegemony and hedge funds"),
        .init(title: "", body: "hedge funds again, hedges everywhere"),
        .init(title: "", body: "hedging bets on hegemony"),
        .init(title: "", body: "a helicopter"),
    ]

    @Test func completesFromTheVocabularyByDocumentFrequency() throws {
        let index = try TestCorpus.index(Self.corpus)
        let words = index.suggest(prefix: "he", limit: 10).map(\.text)
        // "hedge", "hedges", "hedging" share the stem "hedg" (3 documents): one entry, its commonest form.
        #expect(words == ["hedge", "hegemony", "helicopter"])
        #expect(index.suggest(prefix: "heg").map(\.text) == ["hegemony"])
        #expect(index.suggest(prefix: "HEG").map(\.text) == ["hegemony"])
        #expect(index.suggest(prefix: "xyz").isEmpty)
        #expect(index.suggest(prefix: "").isEmpty)
        #expect(index.suggest(prefix: "he", limit: 1).count == 1)
    }

    @Test func extraEntriesJoinTheCompletions() throws {
        let index = try TestCorpus.index(Self.corpus) { builder in
            builder.addSuggestion("Hezbollah", weight: 50)
            builder.addSuggestion("Helsinki Accords", weight: 1)
        }
        let results = index.suggest(prefix: "he", limit: 10)
        #expect(results.first == Suggestion(text: "Hezbollah", weight: 50))
        #expect(results.map(\.text).contains("Helsinki Accords"))
        #expect(index.suggest(prefix: "helsinki a").map(\.text).contains("Helsinki Accords"))
    }
}
