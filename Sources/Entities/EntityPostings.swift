import Foundation

/// Per entity, the articles that mention it, by descending salience, then ascending article: 8 bytes
/// an entry (the article and its row in `ArticleEntityTable`), where an `EntityArticle` per entry
/// took 56. Salience, mention count and first mention are read from the row, the date from the
/// article, when a query asks.
struct EntityPostings: Sendable {
    struct Entry: Sendable {
        var article: Int32
        var row: Int32
    }

    /// Entity `e`'s entries are `entries[starts[e]..<starts[e + 1]]`.
    private let starts: [Int32]
    private let entries: [Entry]
    /// Publication date by article number (nil when undated or never given).
    private let dates: [Date?]

    /// - Parameter articles: in the order `table` numbered its rows.
    init(
        entityCount: Int, articles: [(article: Int, date: Date?, entities: [ArticleEntity])], table: ArticleEntityTable
    ) {
        var counts = [Int32](repeating: 0, count: entityCount + 1)
        for record in articles {
            for entity in record.entities { counts[entity.entity + 1] += 1 }
        }
        var starts = counts
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var entries = [Entry](repeating: Entry(article: 0, row: 0), count: Int(starts[entityCount]))
        var dates = [Date?](repeating: nil, count: (articles.map(\.article).max() ?? -1) + 1)
        var row: Int32 = 0
        for record in articles {
            if record.article >= 0 { dates[record.article] = record.date }
            for entity in record.entities {
                entries[Int(next[entity.entity])] = Entry(article: Int32(record.article), row: row)
                next[entity.entity] += 1
                row += 1
            }
        }
        for entity in 0..<entityCount {
            entries[Int(starts[entity])..<Int(starts[entity + 1])].sort { a, b in
                let (left, right) = (table.salience(ofRow: Int(a.row)), table.salience(ofRow: Int(b.row)))
                return left != right ? left > right : a.article < b.article
            }
        }
        self.starts = starts
        self.entries = entries
        self.dates = dates
    }

    /// The articles of entity `entity`, most salient first.
    func articles(ofEntity entity: Int, table: ArticleEntityTable) -> [EntityArticle] {
        entries[Int(starts[entity])..<Int(starts[entity + 1])].map { entry in
            let row = Int(entry.row)
            return EntityArticle(
                article: Int(entry.article), date: date(ofArticle: Int(entry.article)),
                salience: table.salience(ofRow: row), mentionCount: table.mentionCount(ofRow: row),
                firstMention: table.firstMention(ofRow: row))
        }
    }

    /// Calls `body` with the date and mention count of each article of entity `entity`.
    func forEachArticle(
        ofEntity entity: Int, table: ArticleEntityTable, _ body: (_ date: Date?, _ mentionCount: Int) -> Void
    ) {
        for entry in entries[Int(starts[entity])..<Int(starts[entity + 1])] {
            body(date(ofArticle: Int(entry.article)), table.mentionCount(ofRow: Int(entry.row)))
        }
    }

    private func date(ofArticle article: Int) -> Date? {
        article >= 0 && article < dates.count ? dates[article] : nil
    }
}
