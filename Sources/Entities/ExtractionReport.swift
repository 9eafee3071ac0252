import Foundation

/// What the extractor found in one text, for `newsdesk entities FILE`: each entity once with its
/// type, mention count and the surfaces it was written as, then every mention with its offsets.
public struct ExtractionReport: Sendable {
    public var mentions: [EntityMention]

    public init(mentions: [EntityMention]) {
        self.mentions = mentions
    }

    /// Reads `path` as UTF-8 text (a scraped page has no title line, so the whole file is text)
    /// and extracts its entities.
    public static func forFile(atPath path: String, using extractor: EntityExtractor) throws -> ExtractionReport {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw EntitiesError.unreadableFile(path: path)
        }
        return ExtractionReport(mentions: extractor.extract(title: "", text: text))
    }

    public func render() -> String {
        struct Row {
            var name: String
            var type: EntityType
            var count = 0
            var surfaces: [String] = []
        }
        var rows: [Row] = []
        var rowIndex: [String: Int] = [:]
        for mention in mentions {
            let key = "\(mention.type.rawValue)/\(mention.name)"
            let index = rowIndex[key] ?? rows.count
            if index == rows.count {
                rowIndex[key] = index
                rows.append(Row(name: mention.name, type: mention.type))
            }
            rows[index].count += 1
            if !rows[index].surfaces.contains(mention.surface) { rows[index].surfaces.append(mention.surface) }
        }
        rows.sort { ($0.count, $1.name) > ($1.count, $0.name) }
        var out = "\(rows.count) entities, \(mentions.count) mentions\n\n"
        let width = min(40, rows.map(\.name.count).max() ?? 0)
        for row in rows {
            let name = row.name.padding(toLength: max(width, row.name.count), withPad: " ", startingAt: 0)
            let type = row.type.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += "\(name)  \(type) \(row.count)x  \(row.surfaces.joined(separator: " | "))\n"
        }
        out += "\nmentions (UTF-8 byte offsets, end exclusive):\n"
        for mention in mentions {
            let place = mention.inTitle ? "title" : "text"
            out +=
                "  \(place) \(mention.start)..<\(mention.end) sentence \(mention.sentence)  "
                + "\(mention.surface) -> \(mention.name) (\(mention.type.rawValue))\n"
        }
        return out
    }
}
