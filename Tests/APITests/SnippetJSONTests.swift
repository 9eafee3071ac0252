import Corpus
import Foundation
import TestSupport
import Testing

@testable import API
@testable import Search

/// `SnippetJSON` writes a snippet's `text`, `html` and `highlights` in one pass each; its bytes must
/// be those of the plain path: `Snippet.html` written as a JSON string and the marks converted by
/// `UTF16Offsets`.
@Suite struct SnippetJSONTests {
    static func plain(_ snippet: Snippet) -> [UInt8] {
        var json = JSONWriter()
        json.object { json in
            json.field("text", snippet.text)
            json.field("html", snippet.html)
            json.key("highlights")
            var offsets = UTF16Offsets(snippet.text)
            json.array { json in
                for range in offsets.utf16Ranges(snippet.marks) {
                    json.array { json in
                        json.int(range.lowerBound)
                        json.int(range.upperBound)
                    }
                }
            }
        }
        return json.bytes
    }

    static func fused(_ snippet: Snippet) -> [UInt8] {
        var json = JSONWriter()
        SnippetJSON.write(snippet, into: &json)
        return json.bytes
    }

    @Test func randomSnippetsMatchThePlainPath() {
        var generator = SeededGenerator(seed: 11)
        let pieces = [
            "market", " ", "&", "<", ">", "\"", "'", "\\", "\n", "\t", "\u{01}", "ž", "東京", "😀", "…", "<mark>",
            "a", "prices fell", "&amp;",
        ]
        for _ in 0..<3000 {
            var text = ""
            var boundaries = [0]
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                boundaries.append(text.utf8.count)
            }
            var marks: [Range<Int>] = []
            var cursor = 0
            for boundary in boundaries where boundary > cursor && Bool.random(using: &generator) {
                if let end = boundaries.first(where: { $0 > boundary }), Bool.random(using: &generator) {
                    marks.append(boundary..<end)
                    cursor = end
                }
            }
            let snippet = Snippet(
                text: text, marks: marks, startsMidText: Bool.random(using: &generator),
                endsMidText: Bool.random(using: &generator))
            #expect(Self.fused(snippet) == Self.plain(snippet), "\(snippet)")
        }
    }

    /// The eight-bytes-at-a-time search finds exactly the bytes the table replaces, in every lane.
    @Test func everyReplacedByteIsFoundInEveryLane() {
        for value in 0...255 {
            for lane in 0..<16 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 19)
                bytes[lane] = UInt8(value)
                let first = bytes.withUnsafeBufferPointer { SnippetJSON.firstReplaced(in: $0, from: 0) }
                let replaced = !SnippetJSON.replacements[value].isEmpty
                #expect(first == (replaced ? lane : bytes.count), "byte \(value) at \(lane)")
            }
        }
        #expect(SnippetJSON.replacements[Int(UInt8(ascii: "<"))] == Array("&lt;".utf8))
        #expect(SnippetJSON.replacements[0x0A] == Array(#"\n"#.utf8))
        #expect(SnippetJSON.replacements[Int(UInt8(ascii: "\\"))] == Array(#"\\"#.utf8))
    }
}
