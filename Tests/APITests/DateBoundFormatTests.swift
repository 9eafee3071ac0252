import Foundation
import Testing

@testable import API

@Suite struct DateBoundFormatTests {
    /// The hand-written fast path must give Foundation's ISO 8601 text byte for byte: whole seconds
    /// across leap days, century years, both ends of its range and the fallback beyond them.
    @Test func formatsLikeFoundationsISO8601Style() {
        var seconds: [TimeInterval] = [
            0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 1_709_164_800, 1_775_296_800,
            -2_208_988_800, -2_208_988_801, 253_402_300_799, 253_402_300_800, 1.5, -0.25, -30_610_224_000,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            seconds.append(TimeInterval(Int.random(in: -2_208_988_800..<253_402_300_800, using: &generator)))
        }
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            #expect(DateBound.format(date) == date.formatted(.iso8601), "\(value)")
            var json = JSONWriter()
            DateBound.write(date, into: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "\"\(date.formatted(.iso8601))\"", "\(value)")
        }
    }

    /// Negative numbers, zero and the extremes come out as Swift's own decimal text.
    @Test func writesIntegersLikeTheirDescription() {
        let values = [0, 7, -7, 10, 99, -100, 1_234_567, Int.max, Int.min]
        var json = JSONWriter()
        json.array { json in for value in values { json.int(value) } }
        #expect(
            String(decoding: json.bytes, as: UTF8.self) == "[" + values.map(String.init).joined(separator: ",") + "]")
    }
}
