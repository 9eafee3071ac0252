import Testing

@testable import Corpus

@Suite struct HeadlineTests {
    @Test(arguments: [
        "Port strike enters third week as talks stall",
        "Corvid unveils Kestrel K3 chip",
        "Will the summit deliver?",
        "2026 election: what to watch",
        "“A new era” for North Sea wind",
    ])
    func headlinesAreRecognised(line: String) {
        #expect(Headline.isHeadline(line))
    }

    @Test(arguments: [
        "The port reopened on Monday after a nine-day strike.",
        "Leaders met in Lisbon:",
        "By Anna Petrov",
        "lowercase start of something",
        "Single",
        "Officials said. Then they left",
        String(repeating: "Word ", count: 21).trimmingCharacters(in: .whitespaces),
    ])
    func otherLinesAreNot(line: String) {
        #expect(!Headline.isHeadline(line))
    }

    @Test func aShortOpeningSentenceBecomesTheTitle() {
        let paragraph = "Gen. Arno Vitek met U.S. officials in Valby on Monday. The talks lasted two hours."
        #expect(Headline.fromOpening(of: paragraph) == "Gen. Arno Vitek met U.S. officials in Valby on Monday")
        #expect(Headline.fromOpening(of: "Is the strike over? Nobody knows.") == "Is the strike over?")
    }

    @Test func aLongOpeningSentenceIsCutOnAWordBoundary() {
        let paragraph =
            "Dockworkers at the Port of Harwick walked out on Monday, halting container traffic at the "
            + "busiest harbour on the coast and stranding dozens of ships. More follows."
        let title = Headline.fromOpening(of: paragraph)
        #expect(
            title
                == "Dockworkers at the Port of Harwick walked out on Monday, halting container traffic at the busiest…")
        #expect(title.count <= Headline.longestDerivedTitle + 1)
    }

    @Test func aSingleLongWordIsCutAtTheLimit() {
        let title = Headline.fromOpening(of: String(repeating: "x", count: 150), limit: 20)
        #expect(title == String(repeating: "x", count: 20) + "…")
    }
}
