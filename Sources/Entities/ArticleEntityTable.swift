/// Every article's entities with their mentions, in flat arrays: row `r` is one entity of one
/// article with its salience and mention spans. Rows follow the order the articles were given, so
/// `EntityPostings` can name a row by counting. An array of `ArticleEntity` per article, each
/// holding an array of spans, cost a heap block per article and per entity of it (over a million
/// at 100,000 articles: 126 MB, against 45 MB here). A row takes 10 bytes (salience is kept in
/// ten-thousandths, the precision `EntityIndexBuilder.salience` rounds it to) and a span 12 and a
/// bit (`MentionSpan`'s stride is 16).
struct ArticleEntityTable: Sendable {
    /// A span without its `inTitle` flag, which is a bit of `titleSpans`.
    private struct Span: Sendable {
        var start: Int32
        var end: Int32
        var sentence: Int32
    }

    /// Article `a`'s rows are `rowStarts[a]..<rowEnds[a]`: those of the last record given for it.
    private let rowStarts: [Int32]
    private let rowEnds: [Int32]
    private let entityOfRow: [Int32]
    private let salienceOfRow: [UInt16]
    /// Row `r`'s mentions are `spans[spanStarts[r]..<spanStarts[r + 1]]`.
    private let spanStarts: [Int32]
    private let spans: [Span]
    /// Bit `s` is set when span `s` is in the title.
    private let titleSpans: [UInt64]

    /// - Parameter articles: each article's entities, most salient first; rows are numbered in this
    ///   order, every record's rows kept, and an article given twice reads as its last record.
    init(_ articles: [(article: Int, entities: [ArticleEntity])]) {
        let articleCount = (articles.map(\.article).max() ?? -1) + 1
        let rowCount = articles.reduce(0) { $0 + $1.entities.count }
        var rowStarts = [Int32](repeating: 0, count: articleCount)
        var rowEnds = [Int32](repeating: 0, count: articleCount)
        var entityOfRow: [Int32] = []
        var salienceOfRow: [UInt16] = []
        var spanStarts: [Int32] = [0]
        var spans: [Span] = []
        let spanCount = articles.reduce(0) { total, record in record.entities.reduce(total) { $0 + $1.mentions.count } }
        var titleSpans = [UInt64](repeating: 0, count: (spanCount + 63) / 64)
        entityOfRow.reserveCapacity(rowCount)
        salienceOfRow.reserveCapacity(rowCount)
        spanStarts.reserveCapacity(rowCount + 1)
        spans.reserveCapacity(spanCount)
        for record in articles {
            let first = Int32(entityOfRow.count)
            for entity in record.entities {
                entityOfRow.append(Int32(entity.entity))
                let tenThousandths = UInt16((entity.salience * 10_000).rounded())
                assert(Double(tenThousandths) / 10_000 == entity.salience, "salience in ten-thousandths of [0, 1]")
                salienceOfRow.append(tenThousandths)
                for mention in entity.mentions {
                    if mention.inTitle { titleSpans[spans.count >> 6] |= 1 << UInt64(spans.count & 63) }
                    spans.append(Span(start: mention.start, end: mention.end, sentence: mention.sentence))
                }
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
        self.titleSpans = titleSpans
    }

    /// The entities of an article with their mentions, most salient first (empty for an unknown one).
    func entities(ofArticle article: Int) -> [ArticleEntity] {
        guard article >= 0, article < rowStarts.count else { return [] }
        return (Int(rowStarts[article])..<Int(rowEnds[article])).map { row in
            ArticleEntity(entity: Int(entityOfRow[row]), salience: salience(ofRow: row), mentions: mentions(ofRow: row))
        }
    }

    /// The entity numbers of an article's rows, most salient first (empty for an unknown one):
    /// `entities(ofArticle:)` without building every row's mentions.
    func entityNumbers(ofArticle article: Int) -> ArraySlice<Int32> {
        guard article >= 0, article < rowStarts.count else { return [] }
        return entityOfRow[Int(rowStarts[article])..<Int(rowEnds[article])]
    }

    func salience(ofRow row: Int) -> Double { Double(salienceOfRow[row]) / 10_000 }

    func mentionCount(ofRow row: Int) -> Int { Int(spanStarts[row + 1] - spanStarts[row]) }

    /// The row's first mention in its order (title mentions first, then by position).
    func firstMention(ofRow row: Int) -> MentionSpan { span(Int(spanStarts[row])) }

    private func mentions(ofRow row: Int) -> [MentionSpan] {
        (Int(spanStarts[row])..<Int(spanStarts[row + 1])).map(span)
    }

    private func span(_ index: Int) -> MentionSpan {
        let span = spans[index]
        return MentionSpan(
            start: span.start, end: span.end, sentence: span.sentence,
            inTitle: titleSpans[index >> 6] & (1 << UInt64(index & 63)) != 0)
    }
}
