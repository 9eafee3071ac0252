/// Every article's entities with their mentions, in flat arrays: row `r` is one entity of one
/// article with its salience and mention spans. Rows follow the order the articles were given, so
/// `EntityPostings` can name a row by counting. An array of `ArticleEntity` per article, each
/// holding an array of spans, cost a heap block per article and per entity of it (over a million
/// at 100,000 articles: 126 MB, against 45 MB here).
struct ArticleEntityTable: Sendable {
    /// Article `a`'s rows are `rowStarts[a]..<rowEnds[a]`: those of the last record given for it.
    private let rowStarts: [Int32]
    private let rowEnds: [Int32]
    private let entityOfRow: [Int32]
    private let salienceOfRow: [Double]
    /// Row `r`'s mentions are `spans[spanStarts[r]..<spanStarts[r + 1]]`.
    private let spanStarts: [Int32]
    private let spans: [MentionSpan]

    /// - Parameter articles: each article's entities, most salient first; rows are numbered in this
    ///   order, every record's rows kept, and an article given twice reads as its last record.
    init(_ articles: [(article: Int, entities: [ArticleEntity])]) {
        let articleCount = (articles.map(\.article).max() ?? -1) + 1
        let rowCount = articles.reduce(0) { $0 + $1.entities.count }
        var rowStarts = [Int32](repeating: 0, count: articleCount)
        var rowEnds = [Int32](repeating: 0, count: articleCount)
        var entityOfRow: [Int32] = []
        var salienceOfRow: [Double] = []
        var spanStarts: [Int32] = [0]
        var spans: [MentionSpan] = []
        entityOfRow.reserveCapacity(rowCount)
        salienceOfRow.reserveCapacity(rowCount)
        spanStarts.reserveCapacity(rowCount + 1)
        spans.reserveCapacity(
            articles.reduce(0) { total, record in record.entities.reduce(total) { $0 + $1.mentions.count } })
        for record in articles {
            let first = Int32(entityOfRow.count)
            for entity in record.entities {
                entityOfRow.append(Int32(entity.entity))
                salienceOfRow.append(entity.salience)
                spans.append(contentsOf: entity.mentions)
                spanStarts.append(Int32(spans.count))
            }
            guard record.article >= 0 else { continue }
            rowStarts[record.article] = first
            rowEnds[record.article] = Int32(entityOfRow.count)
        }
        self.rowStarts = rowStarts
        self.rowEnds = rowEnds
        self.entityOfRow = entityOfRow
        self.salienceOfRow = salienceOfRow
        self.spanStarts = spanStarts
        self.spans = spans
    }

    /// The entities of an article with their mentions, most salient first (empty for an unknown one).
    func entities(ofArticle article: Int) -> [ArticleEntity] {
        guard article >= 0, article < rowStarts.count else { return [] }
        return (Int(rowStarts[article])..<Int(rowEnds[article])).map { row in
            ArticleEntity(entity: Int(entityOfRow[row]), salience: salienceOfRow[row], mentions: mentions(ofRow: row))
        }
    }

    func salience(ofRow row: Int) -> Double { salienceOfRow[row] }

    func mentionCount(ofRow row: Int) -> Int { Int(spanStarts[row + 1] - spanStarts[row]) }

    /// The row's first mention in its order (title mentions first, then by position).
    func firstMention(ofRow row: Int) -> MentionSpan { spans[Int(spanStarts[row])] }

    private func mentions(ofRow row: Int) -> [MentionSpan] {
        Array(spans[Int(spanStarts[row])..<Int(spanStarts[row + 1])])
    }
}
