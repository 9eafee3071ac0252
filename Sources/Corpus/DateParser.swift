import Foundation

/// Reads the date forms news exports use, without `DateFormatter` (slow, locale-bound, and
/// one pattern per attempt):
/// - ISO 8601: `2026-03-04`, `2026-03-04T10:00`, `...T10:00:00Z`, `...10:00:00.250+01:00`,
///   `+0100`, `+01`, or a space instead of `T`; also `2026/03/04` with the same time forms;
/// - RFC 2822: `Tue, 04 Mar 2026 10:00:00 GMT`, `... +0000`, US zone names (EST, PDT...);
/// - `March 4, 2026`, `Mar. 4 2026`, `4 March 2026`, `4th March 2026`, each optionally with a
///   time (`10:00`, `10:00:30`, `10:00 PM`) and a zone.
/// A date without a zone is taken as UTC. Anything else, or an impossible date such as
/// 2026-02-30, gives nil: the loader reports it and keeps the article undated.
enum DateParser {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count <= 64, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpaces()
        let parsed: Moment? =
            if scanner.startsWithYear() {
                parseNumeric(&scanner)
            } else {
                parseWritten(&scanner)
            }
        guard let parsed else { return nil }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return parsed.date
    }

    /// `YYYY-MM-DD` or `YYYY/MM/DD`, then an optional ISO time and zone.
    private static func parseNumeric(_ scanner: inout Scanner) -> Moment? {
        guard let year = scanner.number(digits: 4...4), let separator = scanner.next(),
            separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/"),
            let month = scanner.number(digits: 1...2), scanner.take(separator), let day = scanner.number(digits: 1...2)
        else { return nil }
        var moment = Moment(year: year, month: month, day: day)
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t"))
            || (scanner.peek() == UInt8(ascii: " ") && scanner.peek(ahead: 1).map(ASCII.isDigit) == true)
        {
            scanner.skipSpaces()
            guard scanner.readTime(into: &moment) else { return nil }
            scanner.skipSpaces()
            guard scanner.readZone(into: &moment) else { return nil }
        }
        return moment
    }

    /// RFC 2822 and written-out month forms: words and numbers split on spaces and commas.
    private static func parseWritten(_ scanner: inout Scanner) -> Moment? {
        if let word = scanner.peekWord(), weekdays.contains(word) {
            _ = scanner.word()
            _ = scanner.take(UInt8(ascii: "."))
            _ = scanner.take(UInt8(ascii: ","))
            scanner.skipSpaces()
        }
        let month: Int
        let day: Int
        if let leadingDay = scanner.dayNumber() {
            scanner.skipSeparators()
            guard let word = scanner.word(), let number = months[word] else { return nil }
            day = leadingDay
            month = number
        } else {
            guard let word = scanner.word(), let number = months[word] else { return nil }
            _ = scanner.take(UInt8(ascii: "."))
            scanner.skipSeparators()
            guard let trailingDay = scanner.dayNumber() else { return nil }
            day = trailingDay
            month = number
        }
        scanner.skipSeparators()
        guard let year = scanner.number(digits: 4...4) else { return nil }
        var moment = Moment(year: year, month: month, day: day)
        scanner.skipSeparators()
        if scanner.peek().map(ASCII.isDigit) == true {
            guard scanner.readTime(into: &moment) else { return nil }
            scanner.skipSpaces()
            if let word = scanner.peekWord(), word == "am" || word == "pm" {
                _ = scanner.word()
                guard (1...12).contains(moment.hour) else { return nil }
                moment.hour = moment.hour % 12 + (word == "pm" ? 12 : 0)
                scanner.skipSpaces()
            }
            guard scanner.readZone(into: &moment) else { return nil }
        }
        return moment
    }

    private static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static let months: [String: Int] = {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Zone abbreviations RFC 2822 names, with their offsets from UTC in minutes.
    static let zoneNames: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420,
    ]
}
