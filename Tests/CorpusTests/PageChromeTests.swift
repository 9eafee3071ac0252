import Testing

@testable import Corpus

@Suite struct PageChromeTests {
    static let article = [
        "The port reopened on Monday after a nine-day strike.",
        "",
        "Union leaders said the deal would be put to a vote.",
    ]

    func kept(_ tail: [String]) -> [String] {
        let lines = Self.article + tail
        return Array(lines[..<PageChrome.articleEnd(of: lines)])
    }

    /// Lines written for this test, in no list: they go because they do not read as prose.
    @Test(arguments: [
        ["Share."],
        ["Leave A Reply", "", "Exit mobile version"],
        ["Post navigation", "Previous: Ferry services resume", "Next: Fish quotas agreed"],
        ["Whatsapp  Telegram  Pinterest", "Copy Link"],
        ["Tags: port, strike, Harwick", "© 2026 The Harbour Post. All rights reserved."],
        ["Related Posts", "Harbour authority names new chief", "Will the strike spread to the ferries?"],
        ["You may also like", "Dockers vote on new pay offer", "What the deal means for shippers, explained."],
        ["Photo credit: Harbour Post archive", "Copyright 2026 Example Media Group."],
        ["", "", "Share on Bluesky", "  "],
    ])
    func trailingNonProseLinesGo(tail: [String]) {
        #expect(kept(tail) == Self.article)
    }

    @Test func proseEndingTheArticleStays() {
        let tail = ["", "Talks resume on Friday."]
        #expect(kept(tail) == Self.article + tail)
        let quoted = ["", "“We are ready,” she said."]
        #expect(kept(quoted) == Self.article + quoted)
        let long = ["", "A long closing line that has no final punctuation but many words and so reads as prose"]
        #expect(kept(long) == Self.article + long)
    }

    @Test func chromeIsOnlyCutAtTheEnd() {
        let lines = ["Share this", "The article starts here and goes on.", "Share."]
        #expect(PageChrome.articleEnd(of: lines) == 2)
    }

    @Test func aPageOfOnlyChromeKeepsNothing() {
        #expect(PageChrome.articleEnd(of: ["Share.", "Leave A Reply"]) == 0)
    }
}
