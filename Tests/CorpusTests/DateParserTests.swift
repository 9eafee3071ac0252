import Foundation
import Testing

@testable import Corpus

@Suite struct DateParserTests {
    /// 2026-03-04T10:00:00Z
    static let reference = 1_772_618_400.0

    @Test(arguments: [
        ("2026-03-04T10:00:00Z", 0.0),
        ("2026-03-04T10:00Z", 0),
        ("2026-03-04T10:00:00.250Z", 0.25),
        ("2026-03-04T11:00:00+01:00", 0),
        ("2026-03-04T11:00:00+0100", 0),
        ("2026-03-04T11:00:00+01", 0),
        ("2026-03-04T05:00:00-05:00", 0),
        ("2026-03-04 10:00:00", 0),
        ("2026-03-04t10:00:00z", 0),
        ("2026-03-04", -36_000),
        ("2026/03/04", -36_000),
        ("2026/3/4", -36_000),
        ("Wed, 04 Mar 2026 10:00:00 GMT", 0),
        ("Wed, 04 Mar 2026 10:00:00 +0000", 0),
        ("Wed, 4 Mar 2026 05:00:00 EST", 0),
        ("04 Mar 2026 03:00 PDT", 0),
        ("March 4, 2026", -36_000),
        ("Mar. 4, 2026", -36_000),
        ("march 4 2026", -36_000),
        ("March 4, 2026 10:00 AM", 0),
        ("March 4, 2026 10:00:00 PM UTC", 43_200),
        ("4 March 2026", -36_000),
        ("4th March 2026", -36_000),
        ("Wednesday, 4 March 2026", -36_000),
        ("  2026-03-04  ", -36_000),
    ])
    func supportedFormsGiveTheRightInstant(text: String, offset: Double) throws {
        let date = try #require(DateParser.parse(text))
        #expect(date.timeIntervalSince1970 == Self.reference + offset)
    }

    @Test(arguments: [
        "", "yesterday", "2026-02-30", "2026-13-01", "2026-03-04T25:00", "2026-03-04T10:60", "March 32, 2026",
        "Smarch 4, 2026", "04 Mar 26", "2026-03-04T10:00:00 +25:00", "2026-03-04 garbage", "2026-03-04T10",
        "4 March", "2026", "März 4, 2026", "2026-03-04T10:00:00.Z",
    ])
    func otherTextGivesNil(text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    @Test func leapDaysFollowTheGregorianRules() {
        #expect(DateParser.parse("2024-02-29") != nil)
        #expect(DateParser.parse("2000-02-29") != nil)
        #expect(DateParser.parse("1900-02-29") == nil)
        #expect(DateParser.parse("2026-02-29") == nil)
        #expect(DateParser.parse("1970-01-01T00:00:00Z")?.timeIntervalSince1970 == 0)
        #expect(DateParser.parse("1969-12-31")?.timeIntervalSince1970 == -86_400)
    }
}
