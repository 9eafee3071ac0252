import Foundation
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

@Suite struct ArticleStorageTests {
    /// Every field reads back what was given, through the shared reference of the rare fields and
    /// the packed origin line, and setting one leaves the others; an article stays 120 bytes.
    @Test func everyFieldReadsBackAndSettingOneKeepsTheOthers() {
        let metadata = [Article.MetadataField(name: "tags", json: #"["a","b"]"#)]
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        var article = Article(
            id: "id-1", title: "A title longer than fifteen bytes", body: "Body.\n\nMore.", paragraphs: [],
            published: date, source: "wire", url: "https://example.test/1", author: "Ann", category: "news",
            metadata: metadata, origin: .init(path: "/data/news.jsonl", line: 42))
        #expect(article.id == "id-1" && article.title == "A title longer than fifteen bytes")
        #expect(article.body == "Body.\n\nMore." && article.published == date)
        #expect(article.source == "wire" && article.category == "news")
        #expect(article.url == "https://example.test/1" && article.author == "Ann" && article.metadata == metadata)
        #expect(article.origin == .init(path: "/data/news.jsonl", line: 42))
        let copy = article
        article.author = nil
        #expect(article.url == "https://example.test/1" && article.author == nil && article.metadata == metadata)
        #expect(copy.author == "Ann" && copy != article)
        article.url = nil
        article.metadata = []
        article.author = "Ann"
        #expect(article.url == nil && article.author == "Ann" && article.metadata.isEmpty)
        article.origin.line = nil
        #expect(article.origin == .init(path: "/data/news.jsonl"))
        article.origin = .init(path: "other", line: 0)
        #expect(article.origin.line == 0 && article.origin.path == "other")
        article.published = nil
        #expect(article.published == nil && article.source == "wire")
        #expect(MemoryLayout<Article>.stride == 120)
    }

    /// Equal fields make equal articles and equal hashes, whichever way the rare fields were set.
    @Test func equalityAndHashFollowTheFieldsValues() {
        let plain = Article(id: "a", title: "t", body: "b", paragraphs: [], origin: .init(path: "p", line: 1))
        var set = plain
        set.url = "u"
        set.url = nil
        #expect(set == plain && set.hashValue == plain.hashValue)
        var withURL = plain
        withURL.url = "https://example.test/"
        var again = plain
        again.metadata = [.init(name: "x", json: "1")]
        again.metadata = []
        again.url = "https://example.test/"
        #expect(withURL == again && withURL.hashValue == again.hashValue && withURL != plain)
    }
}
