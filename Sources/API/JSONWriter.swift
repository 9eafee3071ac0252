import Foundation

/// Writes JSON straight into a byte buffer, keys in the order the caller writes them, so responses
/// are deterministic (a test can compare bytes) and need no intermediate dictionaries or `Codable`
/// boxing. Commas are tracked per nesting level; the caller only opens, names and closes.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    /// One entry per open container: whether it already holds a value (so the next needs a comma).
    private var needsComma: [Bool] = [false]

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"name":` inside an object; the value written next belongs to it.
    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
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

    /// Digits written straight into the buffer: a search response has a few hundred numbers, and a
    /// `String` for each was an allocation apiece.
    mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
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

    /// Pre-rendered JSON held in part of a larger buffer (a summary in `RenderedSummaries`).
    mutating func raw(_ json: ArraySlice<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// The members of a pre-rendered object (`{...}`), written into the object being written, so a
    /// pre-rendered summary can be extended with more fields.
    mutating func rawFields(of object: ArraySlice<UInt8>) {
        guard object.count > 2 else { return }
        separate()
        bytes.append(contentsOf: object[(object.startIndex + 1)..<(object.endIndex - 1)])
    }

    mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
    }

    // Convenience for `"name": value` pairs, with nil written as null.
    mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Int?) {
        key(name)
        if let value { int(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: Double) {
        key(name)
        double(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    private mutating func separate() {
        let last = needsComma.count - 1
        if needsComma[last] { bytes.append(UInt8(ascii: ",")) }
        needsComma[last] = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

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

    /// Runs without escapes are copied whole; escapes are written in place, without allocating
    /// (a snippet's HTML has a `<` per mark).
    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        Self.escapes.withUnsafeBufferPointer { escapes in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                let escape = escapes[Int(byte)]
                if escape == 0 { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escape)
                if escape == UInt8(ascii: "u") {
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
