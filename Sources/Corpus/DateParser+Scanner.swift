extension DateParser {
    /// A cursor over the ASCII bytes of a date.
    struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var atEnd: Bool { position == bytes.count }

        func peek(ahead offset: Int = 0) -> UInt8? {
            position + offset < bytes.count ? bytes[position + offset] : nil
        }

        mutating func next() -> UInt8? {
            defer { position += 1 }
            return peek()
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            position += 1
            return true
        }

        mutating func skipSpaces() {
            while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { position += 1 }
        }

        /// Spaces and commas between the parts of a written date.
        mutating func skipSeparators() {
            while let byte = peek(),
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\t")
            {
                position += 1
            }
        }

        func startsWithYear() -> Bool {
            (0..<4).allSatisfy { peek(ahead: $0).map(ASCII.isDigit) == true }
                && peek(ahead: 4).map { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") } == true
        }

        /// A run of digits whose length lies in `digits`; nothing is consumed otherwise.
        mutating func number(digits: ClosedRange<Int>) -> Int? {
            var end = position
            while end < bytes.count, ASCII.isDigit(bytes[end]), end - position < digits.upperBound { end += 1 }
            guard digits.contains(end - position), end == bytes.count || !ASCII.isDigit(bytes[end]) else { return nil }
            let value = bytes[position..<end].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            position = end
            return value
        }

        /// A day of the month, with an English ordinal suffix allowed ("4th").
        mutating func dayNumber() -> Int? {
            let start = position
            guard let day = number(digits: 1...2) else { return nil }
            if let suffix = peekWord() {
                guard ["st", "nd", "rd", "th"].contains(suffix) else {
                    position = start
                    return nil
                }
                _ = word()
            }
            return day
        }

        /// The lowercased run of letters at the cursor, without consuming it.
        func peekWord() -> String? {
            var end = position
            while end < bytes.count, ASCII.isLetter(bytes[end]) { end += 1 }
            guard end > position else { return nil }
            return String(decoding: bytes[position..<end], as: UTF8.self).lowercased()
        }

        mutating func word() -> String? {
            guard let word = peekWord() else { return nil }
            position += word.utf8.count
            return word
        }

        /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`.
        mutating func readTime(into moment: inout Moment) -> Bool {
            guard let hour = number(digits: 1...2), take(UInt8(ascii: ":")), let minute = number(digits: 2...2)
            else { return false }
            moment.hour = hour
            moment.minute = minute
            if take(UInt8(ascii: ":")) {
                guard let second = number(digits: 2...2) else { return false }
                moment.second = second
                if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                    var scale = 100_000_000
                    var digits = 0
                    while let byte = peek(), ASCII.isDigit(byte) {
                        moment.nanosecond += Int(byte - UInt8(ascii: "0")) * scale
                        scale /= 10
                        digits += 1
                        position += 1
                    }
                    guard digits > 0 else { return false }
                }
            }
            return true
        }

        /// Nothing, `Z`, a named zone, or `+HH`, `+HHMM`, `+HH:MM` (and minus).
        mutating func readZone(into moment: inout Moment) -> Bool {
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                position += 1
                let start = position
                guard let value = number(digits: 1...4) else { return false }
                let compact = position - start > 2
                var offset = compact ? value / 100 * 60 + value % 100 : value * 60
                if !compact, take(UInt8(ascii: ":")) {
                    guard let minutes = number(digits: 2...2) else { return false }
                    offset += minutes
                }
                moment.offsetMinutes = sign == UInt8(ascii: "-") ? -offset : offset
                return true
            }
            if let name = peekWord() {
                guard let offset = DateParser.zoneNames[name] else { return false }
                _ = word()
                moment.offsetMinutes = offset
            }
            return true
        }
    }
}
