import Dispatch
import Entities
import Foundation
import Search
import Synchronization

extension Snapshot {
    /// The search schema of a news corpus: the title weighs 2.5 times the body; the keyword fields
    /// serve filters and facets. `entity` holds every entity id and canonical name of the article
    /// (for `entity=` filters and `entity:"Name"` terms); `entity.<type>` holds the ids of one type,
    /// so each type has a facet of its own.
    public static let schema = SearchSchema(
        textFields: [.init("title", weight: 2.5), .init("body")],
        keywordFields: plainKeywordFields + ["entity"] + EntityType.allCases.map { "entity.\($0.rawValue)" },
        snippetField: "body")

    /// A parser of `schema`'s query language, for checks the API makes before searching (the index
    /// parses the query again with its own).
    public static let queryParser = QueryParser(
        textFields: schema.textFields.map(\.name), keywordFields: schema.keywordFields)

    /// The keyword fields known before entities are extracted, first in the schema.
    static let plainKeywordFields = ["source", "category", "month"]

    /// Loaded once per process: the gazetteers are read from the package's resources.
    static let extractor: EntityExtractor? = try? EntityExtractor.loadDefault()

    /// Both indexes of `articles`, built at once: the search index's text (and its plain keyword
    /// fields) on a thread of their own while the entities are extracted and indexed, each on all
    /// cores, so that neither waits on the other's single-threaded steps; the entity keyword
    /// columns are added once both are done. The seconds are wall time from the start until each
    /// index is complete, so they overlap. Without `extractEntities` the entity index is empty and
    /// so are the entity keyword columns (the schema keeps them, so queries parse alike).
    static func indexes(
        of articles: [Article], extractEntities: Bool = true
    ) -> (entities: EntityIndex, search: SearchIndex, seconds: (Double, Double)) {
        let start = ContinuousClock.now
        let text = Mutex<(IndexedText, [KeywordValues])?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let built = (textIndex(of: articles), plainKeywords(of: articles))
            text.withLock { $0 = built }
        }
        let entities = entityIndex(of: articles, extract: extractEntities)
        let entitiesDone = ContinuousClock.now
        let keywords = entityKeywords(of: articles.count, entities: entities)
        group.wait()
        let (indexedText, plain) = text.withLock { $0! }
        let search = SearchIndex(indexedText, keywords: plain + keywords)
        return (entities, search, (seconds(entitiesDone - start), seconds(ContinuousClock.now - start)))
    }

    /// Empty when `extract` is false: the gazetteers are then never read.
    static func entityIndex(of articles: [Article], extract: Bool = true) -> EntityIndex {
        guard extract, let extractor else { return EntityIndexBuilder().build() }
        return EntityIndexBuilder.build(
            articles: articles.map { ($0.title, $0.body, $0.published) }, extractor: extractor)
    }

    static func textIndex(of articles: [Article]) -> IndexedText {
        var builder = IndexBuilder(schema: schema)
        // By index: `for article in articles` copied every article (a retain per field).
        for index in articles.indices {
            // The shape always matches the schema, so adding cannot fail.
            _ = try? builder.add(
                SearchDocument(
                    text: [articles[index].title, articles[index].body], date: seconds(articles[index].published)))
        }
        return builder.buildText()
    }

    static func plainKeywords(of articles: [Article]) -> [KeywordValues] {
        [
            KeywordValues(articles.map { article in article.source.map { [$0] } ?? [] }),
            KeywordValues(articles.map { article in article.category.map { [$0] } ?? [] }),
            KeywordValues(articles.map { article in article.published.map { [month(of: $0)] } ?? [] }),
        ]
    }

    /// `entity` (each entity's id and name, most salient first) and `entity.<type>` (the ids of
    /// one type), as indices into tables of every entity's strings: entity `e` is `2e` (id) and
    /// `2e + 1` (name) in the first table and `e` in the table of ids. Contiguous slices of the
    /// articles are read on all cores: this step waits for the entity index and everything after
    /// it waits for this step.
    static func entityKeywords(
        of articleCount: Int, entities: EntityIndex, sliceCount: Int? = nil
    ) -> [KeywordValues] {
        let types = EntityType.allCases
        let typeSlot = entities.entities.map { entity in Int(types.firstIndex(of: entity.type)!) }
        let sliceCount = max(1, sliceCount ?? min(64, articleCount / 1_024))
        let slices = Mutex<[(named: [[Int32]], byType: [[[Int32]]])?]>(Array(repeating: nil, count: sliceCount))
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let range = (articleCount * slice / sliceCount)..<(articleCount * (slice + 1) / sliceCount)
            var named: [[Int32]] = []
            var byType = [[[Int32]]](repeating: [], count: types.count)
            named.reserveCapacity(range.count)
            for type in byType.indices { byType[type].reserveCapacity(range.count) }
            for number in range {
                let mentioned = entities.mentions(inArticle: number).map(\.entity)
                named.append(mentioned.flatMap { [Int32(2 * $0), Int32(2 * $0 + 1)] })
                var ofType = [[Int32]](repeating: [], count: types.count)
                for entity in mentioned { ofType[typeSlot[entity]].append(Int32(entity)) }
                for type in byType.indices { byType[type].append(ofType[type]) }
            }
            let built = (named, byType)
            slices.withLock { $0[slice] = built }
        }
        var named: [[Int32]] = []
        var byType = [[[Int32]]](repeating: [], count: types.count)
        named.reserveCapacity(articleCount)
        for type in byType.indices { byType[type].reserveCapacity(articleCount) }
        for slice in slices.withLock({ $0.map { $0! } }) {
            named += slice.named
            for type in byType.indices { byType[type] += slice.byType[type] }
        }
        let ids = entities.entities.map(\.id)
        let idsAndNames = entities.entities.flatMap { [$0.id, $0.name] }
        return [KeywordValues(table: idsAndNames, perDocument: named)]
            + byType.map { KeywordValues(table: ids, perDocument: $0) }
    }

    static func seconds(_ date: Date?) -> Int64? {
        date.map { Int64($0.timeIntervalSince1970.rounded(.down)) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
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
