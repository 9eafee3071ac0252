import Corpus
import Entities
import Foundation

/// The JSON of the entity endpoints.
enum EntityJSON {
    static func detail(_ entity: Entity, index: EntityIndex) -> [UInt8] {
        var json = JSONWriter(capacity: 2048)
        json.object { json in
            json.field("id", entity.id)
            json.field("name", entity.name)
            json.field("type", entity.type.rawValue)
            json.key("aliases")
            json.array { json in
                for alias in entity.aliases {
                    json.object { json in
                        json.field("name", alias.name)
                        json.field("count", alias.count)
                    }
                }
            }
            json.field("articles", entity.articleCount)
            json.field("mentions", entity.mentionCount)
            json.field("firstSeen", entity.firstSeen.map(DateBound.format))
            json.field("lastSeen", entity.lastSeen.map(DateBound.format))
            json.key("coMentions")
            json.array { json in
                for co in index.coMentions(of: entity.id, limit: 20) {
                    let other = index.entities[co.entity]
                    json.object { json in
                        json.field("id", other.id)
                        json.field("name", other.name)
                        json.field("type", other.type.rawValue)
                        json.field("count", co.count)
                        json.field("lift", co.lift)
                    }
                }
            }
        }
        return json.bytes
    }

    static func articles(
        _ articles: [EntityArticle], total: Int, limit: Int, offset: Int, next: String?, state: ServingState
    ) -> [UInt8] {
        let page = articles.dropFirst(offset).prefix(limit)
        var json = JSONWriter(capacity: 512 + page.count * 1024)
        json.object { json in
            json.field("total", total)
            json.field("limit", limit)
            json.field("offset", offset)
            json.field("next", next)
            json.key("items")
            json.array { json in
                for entry in page {
                    let article = state.catalog.articles[entry.article]
                    json.object { json in
                        state.catalog.writeSummaryFields(entry.article, into: &json)
                        json.field("salience", entry.salience)
                        json.key("firstMention")
                        json.object { json in
                            let span = entry.firstMention
                            let text = span.inTitle ? article.title : article.body
                            let sentence = Sentence.around(Int(span.start)..<Int(span.end), in: text)
                            var offsets = UTF16Offsets(sentence.text)
                            json.field("inTitle", span.inTitle)
                            json.field("sentence", sentence.text)
                            json.field("start", offsets.utf16Offset(ofByte: Int(span.start) - sentence.start))
                            json.field("end", offsets.utf16Offset(ofByte: Int(span.end) - sentence.start))
                        }
                    }
                }
            }
        }
        return json.bytes
    }

    static func timeline(
        _ points: [TimelinePoint], undated: (mentions: Int, articles: Int), id: String, interval: TimelineInterval
    ) -> [UInt8] {
        var json = JSONWriter(capacity: 256 + points.count * 96)
        json.object { json in
            json.field("id", id)
            json.field("interval", interval.rawValue)
            json.key("items")
            json.array { json in
                for point in points {
                    let day = String(DateBound.format(point.start).prefix(10))
                    json.object { json in
                        json.field("period", interval == .month ? String(day.prefix(7)) : day)
                        json.field("start", day)
                        json.field("mentions", point.mentions)
                        json.field("articles", point.articles)
                    }
                }
            }
            json.key("undated")
            json.object { json in
                json.field("mentions", undated.mentions)
                json.field("articles", undated.articles)
            }
        }
        return json.bytes
    }
}

/// The sentence that holds a span of text, found by the nearest sentence ends around it
/// (`.`, `!` or `?` followed by a space, or a paragraph break).
enum Sentence {
    /// The sentence's text and its UTF-8 byte offset in `text`.
    static func around(_ span: Range<Int>, in text: String) -> (text: String, start: Int) {
        let bytes = Array(text.utf8)
        let lower = min(max(0, span.lowerBound), bytes.count)
        var start = lower
        while start > 0 {
            let previous = bytes[start - 1]
            if previous == UInt8(ascii: "\n") { break }
            if previous == UInt8(ascii: " "), start >= 2, isTerminal(bytes[start - 2]) { break }
            start -= 1
        }
        var end = min(max(lower, span.upperBound), bytes.count)
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\n") { break }
            if isTerminal(byte), end + 1 == bytes.count || bytes[end + 1] == UInt8(ascii: " ") {
                end += 1
                break
            }
            end += 1
        }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start)
    }

    private static func isTerminal(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }
}
