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
    /// reform inside) are written by `withText`, the same text as Foundation's ISO 8601 style at a
    /// fraction of its cost; anything else goes through that style.
    static func format(_ date: Date) -> String {
        withText(of: date) { String(decoding: $0, as: UTF8.self) } ?? date.formatted(.iso8601)
    }

    /// `format(date)` as a JSON string, written without making a `String` for a corpus date: a list
    /// page writes one per summary, a search page one per hit.
    static func write(_ date: Date, into json: inout JSONWriter) {
        if withText(of: date, { json.string(utf8: $0) }) == nil { json.string(date.formatted(.iso8601)) }
    }

    /// Calls `body` with the date's 20 bytes of `YYYY-MM-DDThh:mm:ssZ` (`HTTPDate`'s civil-calendar
    /// arithmetic), or returns nil for a date outside whole seconds of years 1900 to 9999.
    private static func withText<Result>(
        of date: Date, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        let seconds = date.timeIntervalSince1970
        guard seconds == seconds.rounded(), seconds >= -2_208_988_800, seconds < 253_402_300_800 else { return nil }
        return HTTPDate.withISO8601Bytes(epochSeconds: Int(seconds), body)
    }
}
