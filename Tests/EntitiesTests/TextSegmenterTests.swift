import Testing

@testable import Entities

@Suite struct TextSegmenterTests {
    func words(_ text: String) -> [String] {
        let segmented = TextSegmenter().segment(text)
        let bytes = Array(text.utf8)
        return segmented.tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    func sentences(_ text: String) -> [String] {
        let segmented = TextSegmenter().segment(text)
        let bytes = Array(text.utf8)
        return segmented.sentences.map { range in
            let start = segmented.tokens[range.lowerBound].start
            let end = segmented.tokens[range.upperBound - 1].end
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("The U.S. Army", ["The", "U.S.", "Army"]),
        ("Gen. Smith met Mr. Jones", ["Gen.", "Smith", "met", "Mr.", "Jones"]),
        ("Japan’s forces", ["Japan", "’s", "forces"]),
        ("Japan's forces", ["Japan", "'s", "forces"]),
        ("then-President Joe Biden", ["then", "-", "President", "Joe", "Biden"]),
        ("Self-Defense Forces and air-to-air missiles", ["Self-Defense", "Forces", "and", "air-to-air", "missiles"]),
        ("“indispensable partner”", ["“", "indispensable", "partner", "”"]),
        (
            "O'Brien paid 50,000 dollars, or 3.5 each",
            ["O'Brien", "paid", "50,000", "dollars", ",", "or", "3.5", "each"]
        ),
        ("AT&T Inc. rose", ["AT&T", "Inc.", "rose"]),
        ("John F. Kennedy", ["John", "F.", "Kennedy"]),
    ])
    func tokenises(_ text: String, _ expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test(arguments: [
        ("He met Gen. Smith in Jan. 2024. Then he left.", ["He met Gen. Smith in Jan. 2024.", "Then he left."]),
        ("It moved to the U.S. The plan failed.", ["It moved to the U.S.", "The plan failed."]),
        ("The U.S. Navy sailed. Mr. Lee agreed!", ["The U.S. Navy sailed.", "Mr. Lee agreed!"]),
        ("He said: “It works.” She nodded.", ["He said: “It works.”", "She nodded."]),
        ("Headline Here\nThe text starts here.", ["Headline Here", "The text starts here."]),
        ("First paragraph\n\nsecond one", ["First paragraph", "second one"]),
        ("Acme Inc. said profit rose.", ["Acme Inc. said profit rose."]),
    ])
    func splitsSentences(_ text: String, _ expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func wrappedLinesStayInOneSentence() {
        let line = String(repeating: "word ", count: 14)
        #expect(sentences("\(line)\ncontinues here.").count == 1)
    }

    @Test func offsetsAreUTF8BytesAndShapesAreRead() {
        let text = "Café São Paulo NATO"
        let tokens = TextSegmenter().segment(text).tokens
        #expect(tokens.map(\.start) == [0, 6, 11, 17])
        #expect(tokens[1].shape.contains(.capitalised))
        #expect(tokens[3].shape.contains(.allCaps))
        #expect(!tokens[0].shape.contains(.allCaps))
    }

    @Test func malformedBytesNeverCrash() {
        let bytes: [UInt8] = [0x41, 0xFF, 0xC3, 0x20, 0xE2, 0x80, 0x42, 0x2E, 0x0A, 0xF0, 0x9F]
        let segmented = bytes.withUnsafeBufferPointer { TextSegmenter().segment($0) }
        for token in segmented.tokens {
            #expect(token.start < token.end && token.end <= bytes.count)
        }
    }
}
