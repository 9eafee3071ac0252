import Foundation

/// Turns raw article text into clean paragraphs: HTML tags stripped (block tags become
/// paragraph breaks, `script`/`style` content dropped), entities decoded, line endings unified,
/// whitespace collapsed inside each paragraph, zero-width characters removed, Unicode NFC.
///
/// Paragraphs are separated by blank lines. Text without any blank line but with single
/// newlines is split on those when `singleNewlinesSplit` is set: JSON exports tend to put one
/// paragraph per line, while scraped pages wrap long paragraphs over several lines.
enum TextCleaner {
    static func paragraphs(from raw: String, singleNewlinesSplit: Bool) -> [String] {
        let text = removingMarkup(raw)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let hasBlankLine = lines.contains { isBlank($0) }
        if singleNewlinesSplit && !hasBlankLine {
            return lines.compactMap { line in
                let clean = collapsingWhitespace(line)
                return clean.isEmpty ? nil : clean
            }
        }
        return blocks(of: lines).compactMap { block in
            let clean = collapsingWhitespace(block.joined(separator: " "))
            return clean.isEmpty ? nil : clean
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

    /// Strips tags and decodes character references; `\r\n` and `\r` become `\n`.
    static func removingMarkup(_ raw: String) -> String {
        let source = Array(raw.utf8)
        guard source.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == 0x0D }) else {
            return raw
        }
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            let byte = source[index]
            switch byte {
            case 0x0D:
                output.append(0x0A)
                index += index + 1 < source.count && source[index + 1] == 0x0A ? 2 : 1
            case UInt8(ascii: "<"):
                if let tag = MarkupTag(in: source, at: index) {
                    output.append(contentsOf: tag.replacement)
                    index = tag.end
                } else {
                    output.append(byte)
                    index += 1
                }
            case UInt8(ascii: "&"):
                if let (scalar, end) = characterReference(in: source, at: index) {
                    output.append(contentsOf: String(scalar).utf8)
                    index = end
                } else {
                    output.append(byte)
                    index += 1
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `&name;`, `&#NNN;` or `&#xHH;` at `start`; invalid code points decode to U+FFFD.
    private static func characterReference(in bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
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
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var isASCII = true
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte <= 0x20 || byte == 0x7F {
                    pendingSpace = true
                } else {
                    if pendingSpace && !output.isEmpty { output.append(0x20) }
                    pendingSpace = false
                    output.append(byte)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let sequence = bytes[index..<min(index + length, bytes.count)]
            index += length
            switch classify(sequence) {
            case .space: pendingSpace = true
            case .invisible: break
            case .visible:
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                isASCII = false
                output.append(contentsOf: sequence)
            }
        }
        let collapsed = String(decoding: output, as: UTF8.self)
        return isASCII ? collapsed : collapsed.precomposedStringWithCanonicalMapping
    }

    private enum ScalarClass {
        case space, invisible, visible
    }

    /// Classifies one multi-byte UTF-8 sequence without decoding it.
    private static func classify(_ sequence: ArraySlice<UInt8>) -> ScalarClass {
        let bytes = Array(sequence)
        switch bytes.count {
        case 2 where bytes[0] == 0xC2:
            if bytes[1] == 0xA0 || bytes[1] <= 0x9F { return .space }  // NBSP, NEL and C1 controls
            if bytes[1] == 0xAD { return .invisible }  // soft hyphen
        case 3 where bytes[0] == 0xE2 && bytes[1] == 0x80:
            if bytes[2] <= 0x8A || bytes[2] == 0xA8 || bytes[2] == 0xA9 || bytes[2] == 0xAF { return .space }
            if (0x8B...0x8D).contains(bytes[2]) || bytes[2] == 0x8F || bytes[2] == 0x8E { return .invisible }
        case 3 where bytes[0] == 0xE2 && bytes[1] == 0x81:
            if bytes[2] == 0x9F { return .space }  // medium mathematical space
            if bytes[2] == 0xA0 { return .invisible }  // word joiner
        case 3 where bytes[0] == 0xE3 && bytes[1] == 0x80 && bytes[2] == 0x80: return .space  // ideographic space
        case 3 where bytes[0] == 0xE1 && bytes[1] == 0x9A && bytes[2] == 0x80: return .space  // ogham space
        case 3 where bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF: return .invisible  // BOM, ZWNBSP
        default: break
        }
        return .visible
    }
}
