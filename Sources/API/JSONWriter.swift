import Foundation

/// Writes JSON straight into a byte buffer, keys in the order the caller writes them, so responses
/// are deterministic (a test can compare bytes) and need no intermediate dictionaries or `Codable`
/// boxing. The caller only opens, names and closes; commas are the writer's.
///
/// One flag tracks commas: after any value, including a container just closed, the next value
/// needs one; after an opening bracket or a key it does not. So no stack of nesting levels.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    /// Whether the next value needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        needsComma = true
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        needsComma = true
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"name":` inside an object; the value written next belongs to it. A literal name is
    /// copied as is (names in source are plain ASCII identifiers, which JSON never escapes).
    mutating func key(_ name: StaticString) {
        assert(Self.isPlainKey(name), "a literal key must need no escaping")
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A name known only at run time (a metadata field, a facet), escaped like any string.
    mutating func key(named name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    private static func isPlainKey(_ name: StaticString) -> Bool {
        UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount).allSatisfy {
            $0 >= 0x20 && $0 < 0x80 && escapes[Int($0)] == 0
        }
    }

    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    /// A string given as UTF-8 bytes (a slice of a larger text, written without making a `String`).
    mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        separate()
        appendQuoted(utf8: value)
    }

    /// A string whose content, already escaped as JSON requires, `body` appends: for a writer that
    /// escapes in the same pass as another transformation (a snippet's HTML, `SnippetJSON`).
    mutating func string(escapedBy body: (inout [UInt8]) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        body(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string with each "\n\n" (left to right, not overlapping) written as one
    /// space, and an ellipsis before the closing quote if asked: a summary's excerpt, written
    /// straight from the body in the one pass that escapes it (a newline is escaped anyway, so
    /// runs without one are copied whole as in any string).
    mutating func string(joiningParagraphs text: Slice<UnsafeBufferPointer<UInt8>>, ellipsis: Bool) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        let text = UnsafeBufferPointer(rebasing: text)
        var runStart = 0
        while true {
            let index = Self.firstEscaped(in: text, from: runStart)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            guard index < text.count else { break }
            if text[index] == 0x0A, index + 1 < text.count, text[index + 1] == 0x0A {
                bytes.append(UInt8(ascii: " "))
                runStart = index + 2
            } else {
                appendEscape(of: text[index])
                runStart = index + 1
            }
        }
        if ellipsis {  // "…"
            bytes.append(0xE2)
            bytes.append(0x80)
            bytes.append(0xA6)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` escaped as inside a JSON string, without the quotes: the definition fused writers
    /// build their tables from.
    static func escapedContent(_ text: [UInt8]) -> [UInt8] {
        var json = JSONWriter(capacity: text.count + 8)
        text.withUnsafeBufferPointer { json.string(utf8: $0) }
        return Array(json.bytes.dropFirst().dropLast())
    }

    /// Digits written straight into the buffer: a search response has a few hundred numbers, and a
    /// `String` for each was an allocation apiece.
    /// The digits go into a small buffer from the right, then into the output in one append.
    mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Finite numbers only; scores are rounded to 6 significant decimals so output is stable across
    /// platforms' float formatting.
    mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            bytes.append(contentsOf: String(Int(rounded)).utf8)
        } else {
            bytes.append(contentsOf: String(rounded).utf8)
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Pre-rendered JSON (a value rendered earlier by a `JSONWriter`), inserted as one value.
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Pre-rendered members (`"a":1,"b":2`, no braces) written into the object being written: a
    /// search hit's identity fields, out of the article's cached summary.
    mutating func rawMembers(_ members: ArraySlice<UInt8>) {
        guard !members.isEmpty else { return }
        separate()
        // Through a pointer: appending the slice itself went through a generic copy.
        members.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
    }

    // Convenience for `"name": value` pairs, with nil written as null.
    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { int(value) } else { null() }
    }

    mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        double(value)
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Escapes per RFC 8259: quote, backslash and control characters; everything else is copied as
    /// UTF-8. `<` is escaped too, so no string can close a `<script>` element it is embedded in.
    private mutating func appendQuoted(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted(utf8: $0) }
    }

    /// Per byte, what follows the backslash when it must be escaped: itself, a letter (`n`, `r`,
    /// `t`), `u` for `\u00XX`, or 0 for a byte copied as is.
    private static let escapes: [UInt8] = (0...255).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(value)
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case 0..<0x20, UInt8(ascii: "<"): UInt8(ascii: "u")
        default: 0
        }
    }

    /// Runs without escapes are copied whole (found eight bytes at a time, see `firstEscaped`);
    /// escapes are written in place, without allocating (a snippet's HTML has a `<` per mark).
    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        while true {
            let index = Self.firstEscaped(in: utf8, from: runStart)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            guard index < utf8.count else { break }
            appendEscape(of: utf8[index])
            runStart = index + 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The backslash escape of a byte `escapes` marks.
    @inline(__always)
    private mutating func appendEscape(of byte: UInt8) {
        let escape = Self.escapes[Int(byte)]
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(escape)
        if escape == UInt8(ascii: "u") {
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The offset of the first byte at or after `start` that `escapes` marks, or `text.count`.
    /// Eight bytes are tested at once: a byte below 0x20, or one equal to `"`, `\\` or `<`, sets
    /// its high bit in `mask`. A borrow can also set bits above a hit, never below one, so the
    /// lowest bit set is the first hit.
    static func firstEscaped(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = text.count
        var index = start
        if let base = text.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let less = word ^ (ones &* 0x3C)
                let mask =
                    ((word &- ones &* 0x20) & ~word | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash
                        | (less &- ones) & ~less) & highs
                if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        // A static table read in a loop costs a `swift_once` check per read: read it once.
        let escapes = Self.escapes
        while index < count, escapes[Int(text[index])] == 0 { index += 1 }
        return index
    }
}
