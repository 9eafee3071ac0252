/// Converts UTF-8 byte offsets (what the search and entity engines report) into UTF-16 code unit
/// offsets (what the JSON contract promises, so JavaScript's `String.slice` works directly).
/// Offsets asked in ascending order cost one pass over the text in all, not one each.
struct UTF16Offsets {
    private let utf8: [UInt8]
    private var byte = 0
    private var units = 0

    init(_ text: String) { utf8 = Array(text.utf8) }

    init(_ text: UnsafeBufferPointer<UInt8>) { utf8 = Array(text) }

    /// The UTF-16 offset of the character starting at `target`; past the end clamps to the end.
    mutating func utf16Offset(ofByte target: Int) -> Int {
        utf8.withUnsafeBufferPointer { Self.advance(in: $0, byte: &byte, units: &units, to: target) }
    }

    /// Moves a cursor (`byte`, and `units` before it) to the character starting at `target` and
    /// returns its UTF-16 offset; from the start again when `target` is behind the cursor. The one
    /// definition behind `utf16Offset(ofByte:)` and the snippets' highlights (`SnippetJSON`).
    @inline(__always)
    static func advance(in utf8: UnsafeBufferPointer<UInt8>, byte: inout Int, units: inout Int, to target: Int) -> Int {
        if target < byte { (byte, units) = (0, 0) }
        let end = min(target, utf8.count)
        while byte < end {
            let lead = utf8[byte]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            units += length == 4 ? 2 : 1
            byte += length
        }
        return units
    }

    /// The text between two byte offsets, repairing a cut through a character.
    func slice(_ range: Range<Int>) -> String {
        let lower = min(max(0, range.lowerBound), utf8.count)
        let upper = min(max(lower, range.upperBound), utf8.count)
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// Writes `slice(range)` as a JSON string, straight from the bytes when the range starts and ends
    /// on character boundaries (no `String` made), through `slice` when it must repair a cut.
    func writeSlice(_ range: Range<Int>, to json: inout JSONWriter) {
        let lower = min(max(0, range.lowerBound), utf8.count)
        let upper = min(max(lower, range.upperBound), utf8.count)
        guard startsCharacter(lower), startsCharacter(upper) else {
            json.string(slice(range))
            return
        }
        utf8.withUnsafeBufferPointer { json.string(utf8: UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
    }

    /// Whether `offset` is the end of the text or the first byte of a character (not a continuation byte).
    private func startsCharacter(_ offset: Int) -> Bool {
        offset == utf8.count || utf8[offset] & 0xC0 != 0x80
    }

    /// Converts ascending byte ranges into UTF-16 ranges.
    mutating func utf16Ranges(_ ranges: [Range<Int>]) -> [Range<Int>] {
        ranges.map { range in
            let lower = utf16Offset(ofByte: range.lowerBound)
            return lower..<utf16Offset(ofByte: range.upperBound)
        }
    }
}
