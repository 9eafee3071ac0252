import Foundation
import Testing

@testable import API

@Suite struct JSONWriterTests {
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
