import Corpus
import Entities
import Foundation

/// The JSON shapes of an article: the full record (`GET /v1/articles/{id}`) and the summary used in
/// lists. Both are rendered once per article when a snapshot is installed, never per request.
enum ArticleJSON {
    /// Words in a summary's `excerpt`.
    static let excerptWords = 40

    /// - Parameter number: the article's index in the snapshot, as the entity index knows it.
    static func record(_ article: Article, entities: EntityIndex, number: Int) -> [UInt8] {
        var json = JSONWriter(capacity: article.body.utf8.count * 2 + 512)
        json.object { json in
            json.field("id", article.id)
            json.field("title", article.title)
            json.field("date", article.published.map(DateBound.format))
            json.field("source", article.source)
            json.field("category", article.category)
            json.field("url", article.url)
            json.field("author", article.author)
            json.field("wordCount", article.wordCount)
            json.key("paragraphs")
            json.array { json in
                for paragraph in article.paragraphs { json.string(paragraph) }
            }
            json.field("body", article.body)
            json.key("metadata")
            json.object { json in
                for field in article.metadata {
                    json.key(field.name)
                    json.raw(field.json)
                }
            }
            json.key("entities")
            json.array { json in
                var offsets = UTF16Offsets(article.body)
                for mentioned in entities.mentions(inArticle: number) {
                    let entity = entities.entities[mentioned.entity]
                    json.object { json in
                        json.field("id", entity.id)
                        json.field("name", entity.name)
                        json.field("type", entity.type.rawValue)
                        json.field("salience", mentioned.salience)
                        json.key("mentions")
                        json.array { json in
                            for span in mentioned.mentions where !span.inTitle {
                                json.object { json in
                                    let start = offsets.utf16Offset(ofByte: Int(span.start))
                                    let end = offsets.utf16Offset(ofByte: Int(span.end))
                                    json.field("start", start)
                                    json.field("end", end)
                                    json.field("text", offsets.slice(Int(span.start)..<Int(span.end)))
                                }
                            }
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    static func summary(_ article: Article) -> [UInt8] {
        var json = JSONWriter(capacity: 768)
        json.object { json in
            json.field("id", article.id)
            json.field("title", article.title)
            json.field("date", article.published.map(DateBound.format))
            json.field("source", article.source)
            json.field("category", article.category)
            json.field("url", article.url)
            json.field("excerpt", excerpt(article.body))
        }
        return json.bytes
    }

    /// The first `excerptWords` words on one line (paragraph breaks become spaces), cut on a word
    /// boundary, with an ellipsis when cut. Scans scalars, ASCII ones without a property look-up,
    /// and joins paragraphs only in what it keeps: at load this runs once per article.
    static func excerpt(_ body: String) -> String {
        var words = 0
        var inWord = false
        let scalars = body.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            let isSpace =
                scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if !isSpace && !inWord {
                words += 1
                if words > excerptWords {
                    let cut = String(scalars[..<index]).trimmingCharacters(in: .whitespacesAndNewlines)
                    return cut.replacingOccurrences(of: "\n\n", with: " ") + "…"
                }
            }
            inWord = !isSpace
        }
        return body.replacingOccurrences(of: "\n\n", with: " ")
    }
}
