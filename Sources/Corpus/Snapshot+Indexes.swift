import Entities
import Foundation
import Search

extension Snapshot {
    /// The search schema of a news corpus: the title weighs 2.5 times the body; the keyword fields
    /// serve filters and facets. `entity` holds every entity id and canonical name of the article
    /// (for `entity=` filters and `entity:"Name"` terms); `entity.<type>` holds the ids of one type,
    /// so each type has a facet of its own.
    public static let schema = SearchSchema(
        textFields: [.init("title", weight: 2.5), .init("body")],
        keywordFields: ["source", "category", "month", "entity"] + EntityType.allCases.map { "entity.\($0.rawValue)" },
        snippetField: "body")

    /// Loaded once per process: the gazetteers are read from the package's resources.
    static let extractor: EntityExtractor? = try? EntityExtractor.loadDefault()

    static func entityIndex(of articles: [Article]) -> EntityIndex {
        guard let extractor else { return EntityIndexBuilder().build() }
        return EntityIndexBuilder.build(
            articles: articles.map { ($0.title, $0.body, $0.published) }, extractor: extractor)
    }

    static func searchIndex(of articles: [Article], entities: EntityIndex) -> SearchIndex {
        var builder = IndexBuilder(schema: schema)
        for (number, article) in articles.enumerated() {
            let mentioned = entities.mentions(inArticle: number).map { entities.entities[$0.entity] }
            var keywords: [[String]] = [
                article.source.map { [$0] } ?? [],
                article.category.map { [$0] } ?? [],
                article.published.map { [month(of: $0)] } ?? [],
                mentioned.flatMap { [$0.id, $0.name] },
            ]
            for type in EntityType.allCases {
                keywords.append(mentioned.filter { $0.type == type }.map(\.id))
            }
            // The shape always matches the schema, so adding cannot fail.
            _ = try? builder.add(
                SearchDocument(
                    text: [article.title, article.body], keywords: keywords, date: seconds(article.published)))
        }
        return builder.build()
    }

    static func seconds(_ date: Date?) -> Int64? {
        date.map { Int64($0.timeIntervalSince1970.rounded(.down)) }
    }

    /// `2026-03`, the value of the `month` facet.
    static func month(of date: Date) -> String {
        let components = monthCalendar.dateComponents([.year, .month], from: date)
        let month = components.month ?? 1
        return "\(components.year ?? 0)-\(month < 10 ? "0" : "")\(month)"
    }

    private static let monthCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
