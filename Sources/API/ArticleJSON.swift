import Corpus
import Entities
import Foundation

/// The JSON shapes of an article: the full record (`GET /v1/articles/{id}`) and the summary used in
/// lists. Summaries are rendered once per article when a snapshot is installed; records are
/// rendered when asked for (`RecordCache` keeps the recent ones), since holding every record
/// rendered took more memory than the rest of the server (575 MB for 100,000 articles).
enum ArticleJSON {
    /// Words in a summary's `excerpt`.
    static let excerptWords = 40

    /// Writes paragraphs, body and mention texts straight from the body's UTF-8, with no
    /// intermediate strings: this runs on the request path for every record not in the cache.
    ///
    /// - Parameter number: the article's index in the snapshot, as the entity index knows it.
    static func record(_ article: Article, entities: EntityIndex, number: Int) -> [UInt8] {
        let mentioned = entities.mentions(inArticle: number)
        var body = article.body
        return body.withUTF8 { text in
            let mentionCount = mentioned.reduce(0) { $0 + $1.mentions.count }
            var json = JSONWriter(capacity: text.count * 2 + 512 + mentioned.count * 128 + mentionCount * 64)
            json.object { json in
                identityFields(of: article, into: &json)
                json.field("author", article.author)
                json.field("wordCount", article.wordCount)
                json.key("paragraphs")
                json.array { json in
                    for range in Article.paragraphRanges(inBody: text) {
                        json.string(utf8: UnsafeBufferPointer(rebasing: text[range]))
                    }
                }
                json.key("body")
                json.string(utf8: text)
                json.key("metadata")
                json.object { json in
                    for field in article.metadata {
                        json.key(named: field.name)
                        json.raw(field.json)
                    }
                }
                json.key("entities")
                json.array { json in
                    var offsets = UTF16Offsets(text)
                    for mention in mentioned {
                        let entity = entities.entities[mention.entity]
                        json.object { json in
                            json.field("id", entity.id)
                            json.field("name", entity.name)
                            json.field("type", entity.type.rawValue)
                            json.field("salience", mention.salience)
                            json.key("mentions")
                            json.array { json in
                                for span in mention.mentions where !span.inTitle {
                                    json.object { json in
                                        json.field("start", offsets.utf16Offset(ofByte: Int(span.start)))
                                        json.field("end", offsets.utf16Offset(ofByte: Int(span.end)))
                                        json.key("text")
                                        offsets.writeSlice(Int(span.start)..<Int(span.end), to: &json)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return json.bytes
        }
    }

    /// The fields every rendering of an article starts with, in this order: record, summary and
    /// search hit.
    static func identityFields(of article: Article, into json: inout JSONWriter) {
        json.field("id", article.id)
        json.field("title", article.title)
        json.field("date", article.published.map(DateBound.format))
        json.field("source", article.source)
        json.field("category", article.category)
        json.field("url", article.url)
    }

    static func summary(_ article: Article) -> [UInt8] { summaryAndIdentityEnd(article).json }

    /// The summary and where its identity fields end (they start after the `{`), so a search hit
    /// can copy them instead of writing them again.
    static func summaryAndIdentityEnd(_ article: Article) -> (json: [UInt8], identityEnd: Int) {
        var json = JSONWriter(capacity: 768)
        var identityEnd = 0
        json.object { json in
            identityFields(of: article, into: &json)
            identityEnd = json.bytes.count
            json.field("excerpt", excerpt(article.body))
        }
        return (json.bytes, identityEnd)
    }

    /// The first `excerptWords` words on one line (paragraph breaks become spaces), cut on a word
    /// boundary and trimmed, with an ellipsis when cut. Works on the body's UTF-8 without
    /// Foundation: at load this runs once per article, and `trimmingCharacters` and
    /// `replacingOccurrences` bridged every excerpt through `NSString` (4 % of the start-up's CPU).
    static func excerpt(_ body: String) -> String {
        var body = body
        return body.withUTF8 { text in
            var bytes: [UInt8] = []
            guard let cut = excerptCut(text) else {
                appendJoiningParagraphs(text[...], to: &bytes)
                return String(decoding: bytes, as: UTF8.self)
            }
            var start = 0
            var end = cut
            while start < end, let (scalar, length) = scalar(in: text, at: start), isTrimmed(scalar) {
                start += length
            }
            while end > start, let (scalar, length) = scalar(in: text, endingAt: end), isTrimmed(scalar) {
                end -= length
            }
            appendJoiningParagraphs(text[start..<end], to: &bytes)
            bytes += "…".utf8
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The byte offset where word `excerptWords + 1` starts, or nil when the text has no more words.
    /// Whitespace is ASCII space and tab to carriage return, or any scalar Unicode calls whitespace.
    private static func excerptCut(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var words = 0
        var inWord = false
        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            let isSpace: Bool
            let length: Int
            if byte < 0x80 {
                isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
                length = 1
            } else {
                let (decoded, decodedLength) = scalar(in: text, at: offset) ?? (Unicode.Scalar(0xFFFD)!, 1)
                isSpace = decoded.properties.isWhitespace
                length = decodedLength
            }
            if !isSpace && !inWord {
                words += 1
                if words > excerptWords { return offset }
            }
            inWord = !isSpace
            offset += length
        }
        return nil
    }

    /// Appends `text` with each "\n\n" (left to right, not overlapping) replaced by one space.
    private static func appendJoiningParagraphs(_ text: Slice<UnsafeBufferPointer<UInt8>>, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + text.count + 3)
        var offset = text.startIndex
        while offset < text.endIndex {
            if text[offset] == 0x0A, offset + 1 < text.endIndex, text[offset + 1] == 0x0A {
                bytes.append(0x20)
                offset += 2
            } else {
                bytes.append(text[offset])
                offset += 1
            }
        }
    }

    /// Foundation's `CharacterSet.whitespacesAndNewlines` (as CoreFoundation defines it on Linux),
    /// which the excerpt was trimmed of: tab to carriage return, next line, the space, line and
    /// paragraph separators, and the zero-width space.
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The scalar starting at `offset` of valid UTF-8 and its length.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < text.count else { return nil }
        let lead = text[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard offset + length <= text.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for next in text[(offset + 1)..<(offset + length)] { value = value << 6 | UInt32(next & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// The scalar ending at `end` of valid UTF-8 and its length.
    private static func scalar(in text: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (Unicode.Scalar, Int)? {
        var start = end - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(in: text, at: start)
    }
}
