/// Every article's entities with their mentions, in flat arrays: row `r` is one entity of one
/// article, and an article's rows are contiguous, most salient first. An array of `ArticleEntity`
/// per article, each holding an array of spans, cost a heap block per article and per entity of
/// it (over a million at 100,000 articles: 126 MB, against 45 MB here).
struct ArticleEntityTable: Sendable {
    /// Article `a`'s rows are `rowStarts[a]..<rowStarts[a + 1]`; articles past the end have none.
    private let rowStarts: [Int32]
    private let entityOfRow: [Int32]
    private let salienceOfRow: [Double]
    /// Row `r`'s mentions are `spans[spanStarts[r]..<spanStarts[r + 1]]`.
    private let spanStarts: [Int32]
    private let spans: [MentionSpan]

    /// - Parameter articles: each article's entities; when an article number repeats, the last wins.
    init(_ articles: [(article: Int, entities: [ArticleEntity])]) {
        var latest: [Int: Int] = [:]
        for (position, record) in articles.enumerated() where record.article >= 0 { latest[record.article] = position }
        let articleCount = (latest.keys.max() ?? -1) + 1
        let rowCount = latest.values.reduce(0) { $0 + articles[$1].entities.count }
        var rowStarts = [Int32](repeating: 0, count: articleCount + 1)
        var entityOfRow: [Int32] = []
        var salienceOfRow: [Double] = []
        var spanStarts: [Int32] = [0]
        var spans: [MentionSpan] = []
        entityOfRow.reserveCapacity(rowCount)
        salienceOfRow.reserveCapacity(rowCount)
        spanStarts.reserveCapacity(rowCount + 1)
        spans.reserveCapacity(
            latest.values.reduce(0) { total, position in
                articles[position].entities.reduce(total) { $0 + $1.mentions.count }
            })
        for article in 0..<articleCount {
            for entity in latest[article].map({ articles[$0].entities }) ?? [] {
                entityOfRow.append(Int32(entity.entity))
                salienceOfRow.append(entity.salience)
                spans.append(contentsOf: entity.mentions)
                spanStarts.append(Int32(spans.count))
            }
            rowStarts[article + 1] = Int32(entityOfRow.count)
        }
        self.rowStarts = rowStarts
        self.entityOfRow = entityOfRow
        self.salienceOfRow = salienceOfRow
        self.spanStarts = spanStarts
        self.spans = spans
    }

    /// The entities of an article with their mentions, most salient first (empty for an unknown one).
    func entities(ofArticle article: Int) -> [ArticleEntity] {
        guard article >= 0, article + 1 < rowStarts.count else { return [] }
        return (Int(rowStarts[article])..<Int(rowStarts[article + 1])).map { row in
            ArticleEntity(
                entity: Int(entityOfRow[row]), salience: salienceOfRow[row],
                mentions: Array(spans[Int(spanStarts[row])..<Int(spanStarts[row + 1])]))
        }
    }
}
