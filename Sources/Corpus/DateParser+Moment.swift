import Foundation

extension DateParser {
    /// Calendar fields as read, turned into a `Date` only once they are known to be valid.
    struct Moment {
        var year: Int
        var month: Int
        var day: Int
        var hour = 0
        var minute = 0
        var second = 0
        var nanosecond = 0
        var offsetMinutes = 0

        var date: Date? {
            guard (1000...9999).contains(year), (1...12).contains(month), (1...daysInMonth).contains(day),
                (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
                abs(offsetMinutes) <= 18 * 60
            else { return nil }
            let seconds =
                daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + min(second, 59) - offsetMinutes * 60
            return Date(timeIntervalSince1970: Double(seconds) + Double(nanosecond) / 1e9)
        }

        private var daysInMonth: Int {
            switch month {
            case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
        /// days-from-civil), so no `Calendar` is needed.
        private var daysSinceEpoch: Int {
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = shiftedYear / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }
    }
}
