import Foundation
import TestSupport
import Testing

@testable import API

@Suite struct JSONWriterTests {
    /// Every escape `appendQuoted` writes, between runs of bytes it copies whole, from a `String`
    /// and from raw UTF-8; JSONSerialization must read back the original text.
    @Test func escapesQuoteBackslashControlsAndLessThanAndCopiesTheRest() throws {
        let text = "a\"b\\c\nd\re\tf\u{01}g\u{1F}h<i>jž€😀 end"
        var json = JSONWriter()
        json.array { json in
            json.string(text)
            var copy = text
            copy.withUTF8 { json.string(utf8: $0) }
        }
        let expected = #""a\"b\\c\nd\re\tf\u0001g\u001fh\u003ci>jž€😀 end""#
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[\(expected),\(expected)]")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        #expect(decoded == [text, text])
    }

    /// Every ASCII character, multi-byte text and a string given as bytes read back unchanged by a
    /// JSON parser; quotes, backslashes, control characters and `<` come out escaped.
    @Test func stringsRoundTripAndEscapeWhatTheyMust() throws {
        let ascii = String(decoding: Array(0..<0x80 as Range<UInt8>), as: UTF8.self)
        let mixed = "Zürich “quoted” <mark>東京</mark> \\ \" \u{7F} 😀"
        var json = JSONWriter()
        json.array { json in
            json.string(ascii)
            json.string(mixed)
            Array(mixed.utf8).withUnsafeBufferPointer { json.string(utf8: $0) }
        }
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(!text.contains("<"))
        #expect(text.contains(#"\u003cmark>"#) && text.contains(#"\n"#) && text.contains(#"\u0000"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String])
        #expect(parsed == [ascii, mixed, mixed])
    }
}

/// The eight-bytes-at-a-time escaping (`JSONWriter.firstEscaped`) against the plain definition,
/// one byte at a time: every byte value in every lane, and random texts of quotes, backslashes,
/// control bytes, `<` and multi-byte characters at every alignment.
@Suite struct JSONWriterEscapingTests {
    /// RFC 8259 escaping as the writer defines it, one byte at a time.
    static func plainQuoted(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case UInt8(ascii: "\n"): out += #"\n"#.utf8
            case UInt8(ascii: "\r"): out += #"\r"#.utf8
            case UInt8(ascii: "\t"): out += #"\t"#.utf8
            case 0..<0x20, UInt8(ascii: "<"):
                let hex = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    static func quoted(_ bytes: [UInt8]) -> [UInt8] {
        var json = JSONWriter()
        bytes.withUnsafeBufferPointer { json.string(utf8: $0) }
        return json.bytes
    }

    @Test func everyByteValueInEveryLaneIsFoundFirst() {
        for value in 0...255 {
            for lane in 0..<16 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 19)
                bytes[lane] = UInt8(value)
                let isEscaped = Self.plainQuoted([UInt8(value)]).count > 3
                let first = bytes.withUnsafeBufferPointer { JSONWriter.firstEscaped(in: $0, from: 0) }
                #expect(first == (isEscaped ? lane : bytes.count), "byte \(value) at \(lane)")
                #expect(Self.quoted(bytes) == Self.plainQuoted(bytes))
            }
        }
    }

    @Test func randomTextsMatchThePlainDefinition() {
        var generator = SeededGenerator(seed: 7)
        let pieces: [[UInt8]] = [
            Array("\"".utf8), Array("\\".utf8), [0], [0x1F], [0x7F], Array("\n\r\t".utf8), Array("<".utf8),
            Array(">&'".utf8), Array("ž".utf8), Array("€".utf8), Array("😀".utf8), Array("plain words ".utf8),
            Array("a".utf8), [0x20], [0x21], [0x3B], [0x5B], [0x5D],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            #expect(Self.quoted(bytes) == Self.plainQuoted(bytes), "\(bytes)")
        }
    }

    /// Keys given at run time are escaped; literal keys are copied, with commas where they belong.
    @Test func literalAndRunTimeKeysAndNesting() {
        var json = JSONWriter()
        json.object { json in
            json.field("a", 1)
            json.key(named: "b\"<")
            json.array { json in
                json.object { _ in }
                json.array { _ in }
                json.int(-12)
            }
            json.field("c", nil as String?)
            json.field("d", true)
            json.field("e", 0.5)
        }
        #expect(
            String(decoding: json.bytes, as: UTF8.self) == #"{"a":1,"b\"\u003c":[{},[],-12],"c":null,"d":true,"e":0.5}"#
        )
    }
}
