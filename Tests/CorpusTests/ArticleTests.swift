import Testing

@testable import Corpus

@Suite struct ArticleTests {
    static func article(body: String) -> Article {
        Article(id: "a", title: "t", body: body, paragraphs: [], origin: .init(path: "x"))
    }

    @Test func wordCountCountsLetterAndDigitRuns() {
        #expect(Self.article(body: "Japan’s 50,000 troops — in Tokyo.").wordCount == 5)
    }

    /// The ASCII fast path must agree with the Unicode definition (White_Space separates; a run
    /// counts when it holds an alphabetic or numeric scalar) for every ASCII scalar, beside
    /// non-ASCII spaces, letters and digits.
    @Test func wordCountAgreesWithUnicodePropertiesOnEveryASCIIScalar() {
        func reference(_ text: String) -> Int {
            var count = 0
            var counted = false
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    counted = false
                } else if !counted, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    count += 1
                    counted = true
                }
            }
            return count
        }
        for value in UInt8(0)..<0x80 {
            let scalar = Character(Unicode.Scalar(value))
            for text in ["a\(scalar)b", "\(scalar)", "-\(scalar)-", "é\(scalar)\u{00A0}٣ 中\(scalar)"] {
                #expect(
                    Self.article(body: text).wordCount == reference(text), "scalar \(value) in \(text.debugDescription)"
                )
            }
        }
    }

    @Test func paragraphsAreReadBackFromTheBodyAndWriteThrough() {
        var article = Self.article(body: "One para.\n\nTwo para.\n\nThree.")
        #expect(article.paragraphs == ["One para.", "Two para.", "Three."])
        article.paragraphs = ["Only one."]
        #expect(article.body == "Only one.")
        #expect(Self.article(body: "").paragraphs.isEmpty)
    }

    @Test func firstWordsCutOnAWordBoundary() {
        let article = Self.article(body: "Talks resume, in Valby;\n\nmore follows here.")
        #expect(article.firstWords(2) == "Talks resume…")
        #expect(article.firstWords(4) == "Talks resume, in Valby…")
        #expect(article.firstWords(7) == article.body)
        #expect(article.firstWords(50) == article.body)
    }
}
