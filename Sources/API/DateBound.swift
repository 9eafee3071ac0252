import Foundation

/// Dates as the API reads them in parameters and writes them in JSON (UTC, ISO 8601).
enum DateBound {
    /// `YYYY-MM-DD`, or a full ISO 8601 timestamp with a zone; a day-only `to` bound means the end
    /// of that day.
    static func parse(_ text: String, endOfDay: Bool) -> Date? {
        let bytes = Array(text.utf8)
        if bytes.count == 10, let day = parseDay(bytes) {
            return endOfDay ? day.addingTimeInterval(86_399.999) : day
        }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    private static func parseDay(_ bytes: [UInt8]) -> Date? {
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var components = DateComponents()
        components.calendar = calendar
        components.timeZone = calendar.timeZone
        (components.year, components.month, components.day) = (year, month, day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2026-03-04T10:00:00Z`. Whole seconds in years 1900 to 9999 (every corpus date; no calendar reform inside) are written
    /// by hand, the same text as Foundation's ISO 8601 style at a fraction of its cost (a search
    /// page formats one date per hit); anything else goes through that style.
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds == seconds.rounded(), seconds >= -2_208_988_800, seconds < 253_402_300_800 else {
            return date.formatted(.iso8601)
        }
        let whole = Int(seconds)
        let (days, secondOfDay) = (whole.floorDiv(86_400), whole - whole.floorDiv(86_400) * 86_400)
        let (year, month, day) = civil(daysSince1970: days)
        var text = [UInt8]()
        text.reserveCapacity(20)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        text.append(UInt8(ascii: "-"))
        digits(month, 2)
        text.append(UInt8(ascii: "-"))
        digits(day, 2)
        text.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// The proleptic Gregorian year, month and day of a day count from 1970-01-01 (Howard
    /// Hinnant's days-to-civil algorithm, shifted so years start in March).
    static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDiv(146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int {
    /// Division rounding toward negative infinity (dates before 1970 have negative day counts).
    fileprivate func floorDiv(_ divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
