import Foundation
import HTTP

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

    /// `2026-03-04T10:00:00Z`. Whole seconds in years 1900 to 9999 (every corpus date; no calendar
    /// reform inside) go through `HTTPDate`'s civil-calendar arithmetic, the same text as
    /// Foundation's ISO 8601 style at a fraction of its cost (a search page formats one date per
    /// hit); anything else goes through that style.
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds == seconds.rounded(), seconds >= -2_208_988_800, seconds < 253_402_300_800 else {
            return date.formatted(.iso8601)
        }
        return HTTPDate.iso8601(epochSeconds: Int(seconds))
    }
}
