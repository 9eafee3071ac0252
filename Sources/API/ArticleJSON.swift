import Corpus
import Entities
import Foundation

/// The JSON shapes of an article: the full record (`GET /v1/articles/{id}`) and the summary used in
/// lists. Both are rendered when asked for: records (`RecordCache` keeps the recent ones), since
/// holding every record rendered took more memory than the rest of the server (575 MB for 100,000
/// articles); summaries from the article and its excerpt's end (`ExcerptEnds`), since holding every
/// summary rendered took 42 MB.
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
        json.key("date")
        if let published = article.published { DateBound.write(published, into: &json) } else { json.null() }
        json.field("source", article.source)
        json.field("category", article.category)
        json.field("url", article.url)
    }

    /// A summary's members, written into the object being written: a list item is them alone; an
    /// entity's article or a related article adds its own after them. Written on every request
    /// (20 summaries a list page) from the article and where its excerpt ends.
    ///
    /// - Returns: where the identity fields end in `json.bytes`.
    @discardableResult
    static func summaryFields(of article: Article, excerpt: ExcerptEnd, into json: inout JSONWriter) -> Int {
        identityFields(of: article, into: &json)
        let identityEnd = json.bytes.count
        json.key("excerpt")
        var body = article.body
        body.withUTF8 { excerpt.write(from: $0, into: &json) }
        return identityEnd
    }
}
