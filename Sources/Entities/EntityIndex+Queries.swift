import Foundation

extension EntityIndex {
    public func index(ofID id: String) -> Int? {
        indexByID[id]
    }

    public func entity(id: String) -> Entity? {
        indexByID[id].map { entities[$0] }
    }

    /// The entities of an article with their mentions, most salient first.
    public func mentions(inArticle article: Int) -> [ArticleEntity] {
        entitiesByArticle.entities(ofArticle: article)
    }

    /// The entities of an article as positions in `entities`, most salient first: the order of
    /// `mentions(inArticle:)`, without making its mentions.
    public func entityNumbers(inArticle article: Int) -> ArraySlice<Int32> {
        entitiesByArticle.entityNumbers(ofArticle: article)
    }

    /// The articles that mention an entity (empty for an unknown id).
    public func articles(of id: String, sort: ArticleSort = .salience) -> [EntityArticle] {
        guard let index = indexByID[id] else { return [] }
        let articles = postings.articles(ofEntity: index, table: entitiesByArticle)
        switch sort {
        case .salience:
            return articles
        case .date:
            return articles.sorted { a, b in
                switch (a.date, b.date) {
                case (let left?, let right?) where left != right: return left > right
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.article < b.article
                }
            }
        }
    }

    /// The entities most often named in the same articles (empty for an unknown id).
    public func coMentions(of id: String, limit: Int = 10) -> [CoMention] {
        guard let index = indexByID[id] else { return [] }
        return coMentionLists.coMentions(of: index, limit: limit)
    }

    /// Mention and article counts per period, oldest first; undated articles are left out.
    public func timeline(of id: String, interval: TimelineInterval) -> [TimelinePoint] {
        guard let index = indexByID[id] else { return [] }
        var buckets: [Date: (mentions: Int, articles: Int)] = [:]
        postings.forEachArticle(ofEntity: index, table: entitiesByArticle) { date, mentionCount in
            guard let date else { return }
            let start = EntityIndex.periodStart(of: date, interval: interval)
            buckets[start, default: (0, 0)].mentions += mentionCount
            buckets[start, default: (0, 0)].articles += 1
        }
        return buckets.keys.sorted().map { start in
            TimelinePoint(start: start, mentions: buckets[start]!.mentions, articles: buckets[start]!.articles)
        }
    }

    /// The mentions and articles a timeline leaves out because their articles have no date, so a
    /// reader can square the timeline with the entity's totals.
    public func undatedCounts(of id: String) -> (mentions: Int, articles: Int) {
        guard let index = indexByID[id] else { return (0, 0) }
        var counts = (mentions: 0, articles: 0)
        postings.forEachArticle(ofEntity: index, table: entitiesByArticle) { date, mentionCount in
            guard date == nil else { return }
            counts.mentions += mentionCount
            counts.articles += 1
        }
        return counts
    }

    static func periodStart(of date: Date, interval: TimelineInterval) -> Date {
        let day = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        switch interval {
        case .day:
            return Date(timeIntervalSince1970: day * 86_400)
        case .week:
            // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
            let weekday = (Int(day) % 7 + 7 + 3) % 7
            return Date(timeIntervalSince1970: (day - Double(weekday)) * 86_400)
        case .month:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let components = calendar.dateComponents([.year, .month], from: date)
            return calendar.date(from: components) ?? Date(timeIntervalSince1970: day * 86_400)
        }
    }

    /// One page of entities, optionally of one type and whose name or alias has a word starting
    /// with `prefix` (case and accents ignored), with the total before paging.
    public func entities(
        type: EntityType? = nil, prefix: String? = nil, sort: EntitySort = .articles, offset: Int = 0,
        limit: Int = 20
    ) -> (total: Int, page: [Entity]) {
        var selected: [Int]
        if let prefix, !EntityName.folded(prefix).isEmpty {
            let matches = matching(prefix: EntityName.folded(prefix))
            let rank = orders[sort]!
            var position = [Int: Int]()
            for (place, entity) in rank.enumerated() where matches.contains(entity) { position[entity] = place }
            selected = matches.sorted { position[$0]! < position[$1]! }
        } else {
            selected = orders[sort]!
        }
        if let type { selected = selected.filter { entities[$0].type == type } }
        let start = min(max(0, offset), selected.count)
        let end = min(selected.count, start + max(0, limit))
        return (selected.count, selected[start..<end].map { entities[$0] })
    }

    func matching(prefix: String) -> Set<Int> {
        var low = 0
        var high = prefixKeys.count
        while low < high {
            let middle = (low + high) / 2
            if prefixKeys[middle].key < prefix { low = middle + 1 } else { high = middle }
        }
        var result: Set<Int> = []
        while low < prefixKeys.count, prefixKeys[low].key.hasPrefix(prefix) {
            result.insert(prefixKeys[low].entity)
            low += 1
        }
        return result
    }
}
