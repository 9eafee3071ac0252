/// An HTML tag (or comment, or `script`/`style` element with its content) found in text, and
/// what replaces it: a paragraph break for block elements, a line break for `<br>`, nothing
/// for inline ones. Text that merely contains `<` (as in "a < b") is not a tag.
struct MarkupTag {
    /// The index just past the tag (past the closing tag for `script` and `style`).
    var end: Int
    var replacement: [UInt8]

    private static let longestTag = 2_000
    private static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section", "article",
        "header", "footer", "aside", "nav", "figure", "figcaption", "table", "tr", "hr", "pre", "main", "dl", "dt",
        "dd",
    ]

    init?(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
        guard start + 2 < bytes.count else { return nil }
        if bytes[start + 1] == UInt8(ascii: "!") {
            let isComment = bytes[start...].starts(with: Array("<!--".utf8))
            let close =
                isComment ? Self.find(Array("-->".utf8), in: bytes, from: start + 4) : Self.closingBracket(bytes, start)
            guard let close else { return nil }
            self.end = close
            self.replacement = []
            return
        }
        let isClosing = bytes[start + 1] == UInt8(ascii: "/")
        let nameStart = start + (isClosing ? 2 : 1)
        var nameEnd = nameStart
        while nameEnd < bytes.count, ASCII.isLetter(bytes[nameEnd]) || ASCII.isDigit(bytes[nameEnd]) {
            nameEnd += 1
        }
        guard nameEnd > nameStart, ASCII.isLetter(bytes[nameStart]), nameEnd < bytes.count,
            [UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: " "), 0x0A, 0x09].contains(bytes[nameEnd]),
            let close = Self.closingBracket(bytes, start)
        else { return nil }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
        if !isClosing, name == "script" || name == "style" {
            let closing = Array("</\(name)".utf8)
            let contentEnd = Self.find(closing, in: bytes, from: close, caseInsensitive: true)
            self.end = contentEnd.flatMap { Self.closingBracket(bytes, $0 - closing.count) } ?? bytes.count
            self.replacement = []
            return
        }
        self.end = close
        if name == "br" {
            self.replacement = [0x0A]
        } else if Self.blockElements.contains(name) {
            self.replacement = [0x0A, 0x0A]
        } else {
            self.replacement = []
        }
    }

    /// The index after the first `>` following `start`, if it comes within a tag's length.
    private static func closingBracket(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let limit = min(bytes.count, start + longestTag)
        var index = start + 1
        while index < limit {
            if bytes[index] == UInt8(ascii: ">") { return index + 1 }
            if bytes[index] == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }

    /// The index just past the first occurrence of `needle` at or after `from`.
    private static func find(
        _ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, caseInsensitive: Bool = false
    ) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            var matches = true
            for offset in 0..<needle.count {
                let a = bytes[index + offset]
                let b = needle[offset]
                if a != b && !(caseInsensitive && a | 0x20 == b | 0x20 && ASCII.isLetter(b)) {
                    matches = false
                    break
                }
            }
            if matches { return index + needle.count }
            index += 1
        }
        return nil
    }
}
