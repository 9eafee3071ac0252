import Foundation

/// Turns raw article text into clean paragraphs: HTML tags stripped (block tags become
/// paragraph breaks, `script`/`style` content dropped), entities decoded, line endings unified,
/// whitespace collapsed inside each paragraph, zero-width characters removed, Unicode NFC.
///
/// Paragraphs are separated by blank lines. Text without any blank line but with single
/// newlines is split on those when `singleNewlinesSplit` is set: JSON exports tend to put one
/// paragraph per line, while scraped pages wrap long paragraphs over several lines.
///
/// Works on UTF-8 bytes rather than `Character`s: grapheme breaking would cost more than all
/// the rest of loading a large corpus.
enum TextCleaner {
    static func paragraphs(from raw: String, singleNewlinesSplit: Bool) -> [String] {
        var text = removingMarkup(raw)
        return text.withUTF8 { bytes in
            let splitLines = singleNewlinesSplit && !hasInnerBlankLine(bytes)
            var paragraphs: [String] = []
            var blockStart: Int?
            var blockEnd = 0
            func finishBlock() {
                guard let start = blockStart else { return }
                let paragraph = collapsingWhitespace(UnsafeBufferPointer(rebasing: bytes[start..<blockEnd]))
                if !paragraph.isEmpty { paragraphs.append(paragraph) }
                blockStart = nil
            }
            forEachLine(in: bytes) { line in
                if isBlank(bytes, line) {
                    finishBlock()
                } else {
                    if blockStart == nil { blockStart = line.lowerBound }
                    blockEnd = line.upperBound
                    if splitLines { finishBlock() }
                }
            }
            finishBlock()
            return paragraphs
        }
    }

    /// One line of clean text (a title, an author): markup removed, whitespace collapsed.
    static func line(from raw: String) -> String {
        collapsingWhitespace(removingMarkup(raw))
    }

    /// Groups lines into runs separated by blank lines.
    static func blocks<Line: StringProtocol>(of lines: [Line]) -> [[Line]] {
        var blocks: [[Line]] = []
        var current: [Line] = []
        for line in lines {
            if isBlank(line) {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    static func isBlank(_ line: some StringProtocol) -> Bool {
        line.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        bytes[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        forLines(of: bytes) { line in
            body(line)
            return true
        }
    }

    /// Calls `body` with every line until it returns false.
    private static func forLines(of bytes: UnsafeBufferPointer<UInt8>, while body: (Range<Int>) -> Bool) {
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            guard body(start..<end) else { return }
            start = end + 1
        }
    }

    /// Whether a blank line separates two lines of text (blank lines at either end do not count).
    /// Stops at the first such line: the rest of the text is not read.
    private static func hasInnerBlankLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var seenText = false
        var blankAfterText = false
        var found = false
        forLines(of: bytes) { line in
            if isBlank(bytes, line) {
                blankAfterText = seenText
            } else {
                found = blankAfterText
                seenText = true
            }
            return !found
        }
        return found
    }

    /// Strips tags and decodes character references; `\r\n` and `\r` become `\n`.
    static func removingMarkup(_ raw: String) -> String {
        var text = raw
        let rewritten: String? = text.withUTF8 { source in
            func isSpecial(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0x0D
            }
            guard let firstSpecial = source.firstIndex(where: isSpecial) else { return nil }
            // Every replacement is shorter than what it replaces (the shortest reference, "&lt;",
            // is four bytes; no decoded scalar takes more), so the output fits the input's size.
            return String(unsafeUninitializedCapacity: source.count) { output in
                var count = 0
                var index = 0
                func emit(_ byte: UInt8) {
                    output[count] = byte
                    count += 1
                }
                /// The bytes from `index` to `end`, which need no rewriting, copied at once.
                func copy(upTo end: Int) {
                    guard end > index else { return }
                    UnsafeMutableRawPointer(output.baseAddress! + count).copyMemory(
                        from: source.baseAddress! + index, byteCount: end - index)
                    count += end - index
                    index = end
                }
                copy(upTo: firstSpecial)
                while index < source.count {
                    let byte = source[index]
                    if byte == 0x0D {
                        emit(0x0A)
                        index += index + 1 < source.count && source[index + 1] == 0x0A ? 2 : 1
                    } else if byte == UInt8(ascii: "<"), let tag = MarkupTag(in: source, at: index) {
                        tag.replacement.forEach(emit)
                        index = tag.end
                    } else if byte == UInt8(ascii: "&"), let (scalar, end) = characterReference(in: source, at: index) {
                        UTF8.encode(scalar, into: emit)
                        index = end
                    } else {
                        emit(byte)
                        index += 1
                    }
                    var plainEnd = index
                    while plainEnd < source.count, !isSpecial(source[plainEnd]) { plainEnd += 1 }
                    copy(upTo: plainEnd)
                }
                return count
            }
        }
        return rewritten ?? raw
    }

    /// `&name;`, `&#NNN;` or `&#xHH;` at `start`; invalid code points decode to U+FFFD.
    static func characterReference(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> (Unicode.Scalar, Int)? {
        let limit = min(bytes.count, start + 34)
        guard let semicolon = bytes[start..<limit].firstIndex(of: UInt8(ascii: ";")), semicolon > start + 1 else {
            return nil
        }
        let name = bytes[(start + 1)..<semicolon]
        if name.first == UInt8(ascii: "#") {
            let isHex = name.count > 1 && (name[start + 2] | 0x20) == UInt8(ascii: "x")
            let digits = String(decoding: name.dropFirst(isHex ? 2 : 1), as: UTF8.self)
            guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: isHex ? 16 : 10) else {
                return nil
            }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? "\u{FFFD}", semicolon + 1)
        }
        guard name.allSatisfy({ ASCII.isLetter($0) || ASCII.isDigit($0) }),
            let scalar = HTMLEntities.scalar(named: Substring(decoding: name, as: UTF8.self))
        else { return nil }
        return (scalar, semicolon + 1)
    }

    /// Collapses every run of whitespace (Unicode spaces and control characters too) to one
    /// space, trims both ends, drops zero-width characters, and composes to NFC.
    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        var text = String(text)
        return text.withUTF8 { collapsingWhitespace($0) }
    }

    /// The same over valid UTF-8 bytes.
    static func collapsingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isCollapsedASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var isASCII = true
        // Every scalar below U+0300 (lead bytes below 0xCC) is its own NFC and composes with no
        // neighbour of that range, so text of only those needs no normalizing.
        var needsNormalizing = false
        let collapsed = String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte <= 0x20 || byte == 0x7F {
                        pendingSpace = true
                    } else {
                        if pendingSpace && count > 0 {
                            output[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        output[count] = byte
                        count += 1
                    }
                    index += 1
                    continue
                }
                let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, bytes.count - index)
                switch classify(bytes, at: index, length: length) {
                case .space: pendingSpace = true
                case .invisible: break
                case .visible:
                    if pendingSpace && count > 0 {
                        output[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    isASCII = false
                    needsNormalizing = needsNormalizing || byte >= 0xCC
                    for offset in 0..<length { output[count + offset] = bytes[index + offset] }
                    count += length
                }
                index += length
            }
            return count
        }
        return isASCII || !needsNormalizing ? collapsed : collapsed.precomposedStringWithCanonicalMapping
    }

    /// Whether `bytes` are printable ASCII with single spaces between words and none at either end:
    /// text that collapsing leaves as it is (most paragraphs).
    static func isCollapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previousIsSpace = false
        for byte in bytes {
            let isSpace = byte == 0x20
            guard byte >= 0x20, byte < 0x7F, !(isSpace && previousIsSpace) else { return false }
            previousIsSpace = isSpace
        }
        return true
    }

    private enum ScalarClass {
        case space, invisible, visible
    }

    /// Classifies one multi-byte UTF-8 sequence without decoding it.
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> ScalarClass {
        let first = bytes[index]
        if length == 2 {
            guard first == 0xC2 else { return .visible }
            let second = bytes[index + 1]
            if second == 0xA0 || second <= 0x9F { return .space }  // NBSP, NEL and C1 controls
            return second == 0xAD ? .invisible : .visible  // soft hyphen
        }
        guard length == 3 else { return .visible }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch (first, second) {
        case (0xE2, 0x80):
            if third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return .space }
            if (0x8B...0x8F).contains(third) { return .invisible }  // zero-width characters, LRM, RLM
        case (0xE2, 0x81):
            if third == 0x9F { return .space }  // medium mathematical space
            if third == 0xA0 { return .invisible }  // word joiner
        case (0xE3, 0x80) where third == 0x80: return .space  // ideographic space
        case (0xE1, 0x9A) where third == 0x80: return .space  // ogham space mark
        case (0xEF, 0xBB) where third == 0xBF: return .invisible  // byte order mark
        default: break
        }
        return .visible
    }
}
