import Foundation
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
