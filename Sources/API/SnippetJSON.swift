import Search

/// A search hit's snippet as JSON (`text`, `html`, `highlights`), written from the passage's UTF-8
/// without intermediate buffers: `html` is escaped for HTML and for JSON in one pass, through a
/// table built from the two definitions (`Snippet.htmlEntity(for:)` and `JSONWriter`), so its bytes
/// are those of `Snippet.html` written as a JSON string.
enum SnippetJSON {
    static func write(_ snippet: Snippet, into json: inout JSONWriter) {
        var text = snippet.text
        text.withUTF8 { text in
            json.object { json in
                json.key("text")
                json.string(utf8: text)
                json.key("html")
                json.string { appendHTML(of: snippet, text: text, to: &$0) }
                json.key("highlights")
                json.array { json in
                    var byte = 0
                    var units = 0
                    for mark in snippet.marks {
                        let lower = UTF16Offsets.advance(in: text, byte: &byte, units: &units, to: mark.lowerBound)
                        let upper = UTF16Offsets.advance(in: text, byte: &byte, units: &units, to: mark.upperBound)
                        json.array { json in
                            json.int(lower)
                            json.int(upper)
                        }
                    }
                }
            }
        }
    }

    /// The content of `snippet.html` as a JSON string (`text` is the snippet's UTF-8).
    static func appendHTML(of snippet: Snippet, text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Static tables read once per call: each read of one costs a `swift_once` check.
        let replacements = replacements
        if snippet.startsMidText { out.append(contentsOf: ellipsis) }
        var cursor = 0
        for mark in snippet.marks {
            appendEscaped(text, cursor..<mark.lowerBound, replacements: replacements, to: &out)
            out.append(contentsOf: markOpen)
            appendEscaped(text, mark, replacements: replacements, to: &out)
            out.append(contentsOf: markClose)
            cursor = mark.upperBound
        }
        appendEscaped(text, cursor..<text.count, replacements: replacements, to: &out)
        if snippet.endsMidText { out.append(contentsOf: ellipsis) }
    }

    private static let ellipsis = JSONWriter.escapedContent(Array(Snippet.ellipsis.utf8))
    private static let markOpen = JSONWriter.escapedContent(Array(Snippet.markOpen.utf8))
    private static let markClose = JSONWriter.escapedContent(Array(Snippet.markClose.utf8))

    /// Per byte, what stands for it in the HTML inside a JSON string: its HTML entity or itself,
    /// then escaped for JSON; empty for a byte that both leave as is.
    static let replacements: [[UInt8]] = (0...255).map { value in
        let byte = UInt8(value)
        let html = Snippet.htmlEntity(for: byte).map {
            Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount))
        }
        let escaped = JSONWriter.escapedContent(html ?? [byte])
        return escaped == [byte] ? [] : escaped
    }

    /// Appends `text[range]` with runs of bytes that need no replacement copied whole.
    private static func appendEscaped(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, replacements: [[UInt8]], to out: inout [UInt8]
    ) {
        let slice = UnsafeBufferPointer(rebasing: text[..<range.upperBound])
        var runStart = range.lowerBound
        while true {
            let index = firstReplaced(in: slice, from: runStart, replacements: replacements)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: slice[runStart..<index]))
            guard index < slice.count else { return }
            out.append(contentsOf: replacements[Int(slice[index])])
            runStart = index + 1
        }
    }

    /// The offset of the first byte at or after `start` with a replacement, or `text.count`: eight
    /// bytes at a time, as `JSONWriter.firstEscaped` does, for bytes below 0x20 and `"\<>&'`.
    static func firstReplaced(
        in text: UnsafeBufferPointer<UInt8>, from start: Int, replacements: [[UInt8]] = replacements
    ) -> Int {
        let count = text.count
        var index = start
        if let base = text.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            @inline(__always) func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word }
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                var mask = (word &- ones &* 0x20) & ~word
                mask |= zeros(word ^ ones &* 0x22) | zeros(word ^ ones &* 0x5C) | zeros(word ^ ones &* 0x3C)
                mask |= zeros(word ^ ones &* 0x3E) | zeros(word ^ ones &* 0x26) | zeros(word ^ ones &* 0x27)
                mask &= 0x8080_8080_8080_8080
                if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, replacements[Int(text[index])].isEmpty { index += 1 }
        return index
    }
}
