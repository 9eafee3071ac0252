import Foundation
import TestSupport
import Testing

@testable import Corpus

/// The cleaner's byte-level shortcuts (plain ASCII paragraphs kept as they are, no NFC pass for
/// text below U+0300, runs without markup copied whole, the blank-line test stopping early) give
/// what the plain definitions give, on random texts that mix every case.
@Suite struct TextCleanerEquivalenceTests {
    static let pieces: [String] = [
        "word", "Word", "x", "42", ".", ",", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{0B}", "\u{7F}",
        "\u{01}", "\u{85}", "\u{A0}", "\u{AD}", "\u{2003}", "\u{200B}", "\u{2028}", "\u{205F}", "\u{2060}", "\u{3000}",
        "\u{1680}", "\u{FEFF}", "é", "Ł", "ǅ", "ʃ", "e\u{301}", "\u{301}", "a\u{308}", "한", "\u{1100}\u{1161}", "€",
        "\u{1F600}", "<p>", "</p>", "<br>", "<b>", "<IBM>", "<Goldman, Sachs>", "a < b", "<", ">", "&amp;", "&lt;",
        "&#39;", "&#x201D;", "&eacute;", "&bogus;", "&", "&;", "<script>x<p>y</script>", "<!-- note -->", "<div>",
    ]

    static func randomText(_ random: inout some RandomNumberGenerator, pieces count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// Collapsing by its definition, on scalars: whitespace and controls to one space, zero-width
    /// characters dropped, both ends trimmed, NFC always.
    static func collapsed(_ text: String) -> String {
        func isSpace(_ value: UInt32) -> Bool {
            value <= 0x20 || (0x7F...0xA0).contains(value) || (0x2000...0x200A).contains(value)
                || [0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x1680].contains(value)
        }
        func isInvisible(_ value: UInt32) -> Bool {
            value == 0xAD || (0x200B...0x200F).contains(value) || value == 0x2060 || value == 0xFEFF
        }
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar.value) {
                pendingSpace = true
            } else if !isInvisible(scalar.value) {
                if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result.precomposedStringWithCanonicalMapping
    }

    /// Markup removal as it was written before runs were copied whole: a byte at a time.
    static func withoutMarkup(_ raw: String) -> String {
        let source = Array(raw.utf8)
        var output: [UInt8] = []
        source.withUnsafeBufferPointer { source in
            var index = 0
            while index < source.count {
                let byte = source[index]
                if byte == 0x0D {
                    output.append(0x0A)
                    index += index + 1 < source.count && source[index + 1] == 0x0A ? 2 : 1
                } else if byte == UInt8(ascii: "<"), let tag = MarkupTag(in: source, at: index) {
                    output += tag.replacement
                    index = tag.end
                } else if byte == UInt8(ascii: "&"),
                    let (scalar, end) = TextCleaner.characterReference(in: source, at: index)
                {
                    UTF8.encode(scalar) { output.append($0) }
                    index = end
                } else {
                    output.append(byte)
                    index += 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Paragraphs by their definition: runs of lines between blank lines (only spaces, tabs and
    /// carriage returns), or every line when asked and no blank line stands between two lines of text.
    static func paragraphs(_ raw: String, singleNewlinesSplit: Bool) -> [String] {
        let lines = withoutMarkup(raw).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func isBlank(_ line: String) -> Bool { line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        let texts = lines.indices.filter { !isBlank(lines[$0]) }
        let innerBlank = zip(texts, texts.dropFirst()).contains { pair in
            (pair.0 + 1..<pair.1).contains { isBlank(lines[$0]) }
        }
        var blocks: [[String]] = []
        for (position, line) in texts.enumerated() {
            let startsBlock =
                position == 0 || (singleNewlinesSplit && !innerBlank) || (texts[position - 1] + 1 < line)
            if startsBlock { blocks.append([]) }
            blocks[blocks.count - 1].append(lines[line])
        }
        return blocks.map { collapsed($0.joined(separator: "\n")) }.filter { !$0.isEmpty }
    }

    @Test func cleaningEqualsItsDefinition() {
        var random = SeededGenerator(seed: 20261205)
        var plainParagraphs = 0
        for round in 0..<3_000 {
            let text = Self.randomText(&random, pieces: Int.random(in: 0...40, using: &random))
            #expect(TextCleaner.removingMarkup(text) == Self.withoutMarkup(text), "\(Array(text.unicodeScalars))")
            let line = TextCleaner.line(from: text)
            #expect(
                Array(line.utf8) == Array(Self.collapsed(Self.withoutMarkup(text)).utf8),
                "\(Array(text.unicodeScalars))")
            let split = round % 2 == 0
            let cleaned = TextCleaner.paragraphs(from: text, singleNewlinesSplit: split)
            #expect(
                cleaned.map { Array($0.utf8) }
                    == Self.paragraphs(text, singleNewlinesSplit: split).map { Array($0.utf8) })
            plainParagraphs += cleaned.count { paragraph in paragraph.utf8.allSatisfy { $0 < 0x80 } }
        }
        #expect(plainParagraphs > 1_000)
    }

    /// Plain words with single spaces, as most paragraphs are: kept byte for byte, and the texts
    /// that only look so (a double space, a space or control at an end, DEL) are still collapsed.
    @Test func collapsedASCIIIsRecognised() {
        var random = SeededGenerator(seed: 20261206)
        let words = ["Port", "reopens", "after", "3", "days,", "officials", "said.", "(AP)", "\"quote\""]
        for _ in 0..<2_000 {
            var text = (0..<Int.random(in: 1...12, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ")
            if Bool.random(using: &random) {
                let noise = [" ", "  ", "\t", "\u{7F}", "\u{1F}", "é"].randomElement(using: &random)!
                let at = text.utf8.index(
                    text.utf8.startIndex, offsetBy: Int.random(in: 0...text.utf8.count, using: &random))
                text.insert(contentsOf: noise, at: String.Index(at, within: text) ?? text.endIndex)
            }
            let isPlain = text.utf8.withContiguousStorageIfAvailable(TextCleaner.isCollapsedASCII) ?? false
            #expect(isPlain == (Self.collapsed(text) == text && text.utf8.allSatisfy { $0 < 0x80 }))
            #expect(Array(TextCleaner.collapsingWhitespace(text).utf8) == Array(Self.collapsed(text).utf8))
        }
    }
}
