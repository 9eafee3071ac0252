import Foundation

/// Collects the mentions of every article, then merges them into an immutable `EntityIndex`.
///
/// Names merge across articles by their folded form ("São Paulo" = "Sao Paulo"), a surname that
/// an article uses alone merges into the one full person name of the corpus that ends with it,
/// and the type is the majority vote, weighted by each mention's evidence. The same additions in the same order give the same index,
/// byte for byte; `build(articles:extractor:)` builds slices on all cores and appends them in input
/// order, which gives the same index as adding every article to one builder.
public struct EntityIndexBuilder: Sendable {
    /// Everything known of one folded name.
    struct Group {
        /// The folded name (`EntityName.mergeKey`) the group is found under.
        var key: String
        var names: [String: Int] = [:]
        var surfaces: [String: Int] = [:]
        var types: [EntityType: Int] = [:]
    }

    struct ArticleRecord {
        var article: Int
        var date: Date?
        var entities: [(group: Int, spans: [MentionSpan])]
    }

    /// Only the most salient entities of an article count towards co-mentions, which keeps pair
    /// counting linear in the corpus.
    static let coMentionEntitiesPerArticle = 12
    /// What the API shows (`EntityJSON`): more would only take memory.
    static let coMentionsKept = 20

    var groups: [Group] = []
    var groupByKey: [String: Int] = [:]
    var articles: [ArticleRecord] = []
    /// Per name seen by `add`: its group (-1: the name folds to nothing), and the article (by its
    /// place in `articles`) and tally it was last counted in, so a mention costs one look-up of its
    /// name, and a name folds (`EntityName.mergeKey`) once per builder instead of once per article.
    private var nameSeen: [String: NameSeen] = [:]

    private struct NameSeen {
        var group: Int
        var article: Int
        var tally: Int
    }

    public init() {}

    public var articleCount: Int { articles.count }

    /// One name of the article being added, with what its mentions will add to its group: tallied
    /// per article, so the group's dictionaries are updated once per distinct name, surface and
    /// type instead of once per mention (an article repeats its names; each update hashed a
    /// `String` into a dictionary nested in `groups`).
    private struct NameTally {
        var name: String
        var group: Int
        /// The group's place in the article's entities.
        var slot: Int
        var count = 0
        var surfaces: [(surface: String, count: Int)] = []
        var types: [(type: EntityType, weight: Int)] = []

        init(name: String, group: Int, slot: Int) {
            self.name = name
            self.group = group
            self.slot = slot
        }

        mutating func add(_ mention: EntityMention) {
            count += 1
            if let index = surfaces.firstIndex(where: { $0.surface == mention.surface }) {
                surfaces[index].count += 1
            } else {
                surfaces.append((mention.surface, 1))
            }
            let weight = EntityIndexBuilder.voteWeight(evidence: mention.evidence)
            if let index = types.firstIndex(where: { $0.type == mention.type }) {
                types[index].weight += weight
            } else {
                types.append((mention.type, weight))
            }
        }
    }

    /// Adds one article's mentions; `article` is the caller's index for it, returned by queries.
    public mutating func add(article: Int, date: Date?, mentions: [EntityMention]) {
        var local: [Int: Int] = [:]
        let serial = articles.count
        var tallies: [NameTally] = []
        var entities: [(group: Int, spans: [MentionSpan])] = []
        for mention in mentions {
            let tally: Int
            let seen = nameSeen[mention.name]
            if let seen, seen.article == serial {
                guard seen.group >= 0 else { continue }
                tally = seen.tally
            } else {
                let group = seen?.group ?? group(ofName: mention.name)
                guard group >= 0 else {
                    nameSeen[mention.name] = NameSeen(group: -1, article: serial, tally: -1)
                    continue
                }
                let slot: Int
                if let known = local[group] {
                    slot = known
                } else {
                    slot = entities.count
                    local[group] = slot
                    entities.append((group, []))
                }
                tally = tallies.count
                tallies.append(NameTally(name: mention.name, group: group, slot: slot))
                nameSeen[mention.name] = NameSeen(group: group, article: serial, tally: tally)
            }
            tallies[tally].add(mention)
            entities[tallies[tally].slot].spans.append(MentionSpan(mention))
        }
        for tally in tallies {
            groups[tally.group].names[tally.name, default: 0] += tally.count
            for (surface, count) in tally.surfaces { groups[tally.group].surfaces[surface, default: 0] += count }
            for (type, weight) in tally.types { groups[tally.group].types[type, default: 0] += weight }
        }
        articles.append(ArticleRecord(article: article, date: date, entities: entities))
    }

    /// The group of a name's folded form, made when new; -1 when the name folds to nothing.
    private mutating func group(ofName name: String) -> Int {
        let key = EntityName.mergeKey(name)
        guard !key.isEmpty else { return -1 }
        if let existing = groupByKey[key] { return existing }
        groups.append(Group(key: key))
        groupByKey[key] = groups.count - 1
        return groups.count - 1
    }

    public func build() -> EntityIndex {
        let types = groups.map { EntityIndexBuilder.majority($0.types) }
        let target = mergeTargets(types: types)

        // Final entities: one per group that is not merged into another.
        let roots = Array(Set(target)).sorted()
        var counts = [(articles: Int, mentions: Int)](repeating: (0, 0), count: groups.count)
        var dates = [(first: Date?, last: Date?)](repeating: (nil, nil), count: groups.count)
        // The last article that counted towards each root, so an article counts once per root.
        var countedIn = [Int](repeating: -1, count: groups.count)
        for (number, record) in articles.enumerated() {
            for entity in record.entities {
                let root = target[entity.group]
                counts[root].mentions += entity.spans.count
                if countedIn[root] != number {
                    countedIn[root] = number
                    counts[root].articles += 1
                }
                if let date = record.date {
                    if dates[root].first.map({ date < $0 }) ?? true { dates[root].first = date }
                    if dates[root].last.map({ date > $0 }) ?? true { dates[root].last = date }
                }
            }
        }
        var surfaces = groups.map(\.surfaces)
        var typeVotes = groups.map(\.types)
        for (group, root) in target.enumerated() where root != group {
            surfaces[root].merge(groups[group].surfaces, uniquingKeysWith: +)
            typeVotes[root].merge(groups[group].types, uniquingKeysWith: +)
        }
        let finalCounts = counts
        let finalDates = dates
        let groupSurfaces = surfaces
        let groupTypes = typeVotes
        let groups = self.groups
        var entities: [Entity] = Concurrently.map(roots) { root in
            let aliases = groupSurfaces[root].map { Entity.Alias(name: $0.key, count: $0.value) }
                .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
            return Entity(
                id: "", name: EntityIndexBuilder.preferredName(groups[root].names),
                type: EntityIndexBuilder.majority(groupTypes[root]), aliases: aliases,
                articleCount: finalCounts[root].articles, mentionCount: finalCounts[root].mentions,
                firstSeen: finalDates[root].first, lastSeen: finalDates[root].last)
        }
        // Ids: deterministic order (type, slug, most articles, name), suffixes for collisions.
        let slugs = Concurrently.map(entities) { EntityName.slug($0.name) }
        // The keys in arrays of their own: a comparison that read two `Entity` values retained and
        // released every field of both. Types compare as their raw values do.
        let typeNames = EntityType.allCases.map(\.rawValue).sorted()
        let typeRanks = entities.map { typeNames.firstIndex(of: $0.type.rawValue)! }
        let articleCounts = entities.map(\.articleCount)
        let names = entities.map(\.name)
        let order = entities.indices.sorted { a, b in
            if typeRanks[a] != typeRanks[b] { return typeRanks[a] < typeRanks[b] }
            if slugs[a] != slugs[b] { return slugs[a] < slugs[b] }
            if articleCounts[a] != articleCounts[b] { return articleCounts[a] > articleCounts[b] }
            return names[a] < names[b]
        }
        var used: [String: Int] = [:]
        for index in order {
            let base = "\(entities[index].type.rawValue)/\(slugs[index])"
            let seen = used[base, default: 0]
            used[base] = seen + 1
            entities[index].id = seen == 0 ? base : "\(base)-\(seen + 1)"
        }
        // Entities sorted by id, so that positions are stable for a given corpus.
        let ids = entities.map(\.id)
        let byID = entities.indices.sorted { ids[$0] < ids[$1] }
        var position = [Int](repeating: 0, count: groups.count)
        for (newIndex, oldIndex) in byID.enumerated() { position[roots[oldIndex]] = newIndex }
        entities = byID.map { entities[$0] }

        let entityOfGroup = target.map { position[$0] }
        // The slice builders add articles in order: sorting them again only copied every record.
        let inOrder = zip(articles, articles.dropFirst()).allSatisfy { $0.article <= $1.article }
        let articleEntities = Concurrently.map(inOrder ? articles : articles.sorted { $0.article < $1.article }) {
            record in
            (
                article: record.article, date: record.date,
                entities: EntityIndexBuilder.salience(
                    record.entities.map { entity in
                        (entityOfGroup[entity.group], entity.spans)
                    })
            )
        }
        let index = EntityIndex(entities: entities, articles: articleEntities)
        Concurrently.release(consume articleEntities)
        return index
    }

    /// For every group, the group it merges into (itself when none): a one-word person name goes
    /// to the one multi-word person name of the corpus ending with it, if there is exactly one,
    /// or one that is mentioned at least three times as often as all the others together.
    func mergeTargets(types: [EntityType]) -> [Int] {
        var target = Array(groups.indices)
        var byLastWord: [String: [Int]] = [:]
        for (key, group) in groupByKey where types[group] == .person {
            let words = key.split(separator: " ")
            if words.count >= 2, let last = words.last { byLastWord[String(last), default: []].append(group) }
        }
        for (key, group) in groupByKey where types[group] == .person && !key.contains(" ") {
            guard let fulls = byLastWord[key] else { continue }
            let weights = fulls.map { full in groups[full].names.values.reduce(0, +) }
            let total = weights.reduce(0, +)
            guard let best = weights.indices.max(by: { (weights[$0], fulls[$1]) < (weights[$1], fulls[$0]) }) else {
                continue
            }
            if fulls.count == 1 || weights[best] * 4 >= total * 3 { target[group] = fulls[best] }
        }
        return target
    }

    /// A mention's say in its entity's type: each step of evidence outweighs four mentions of the
    /// step below, so "in Estmark" in a few articles beats "Estmark said" guesses in many.
    static func voteWeight(evidence: Int) -> Int { 1 << (2 * min(max(evidence, 0), 3)) }

    static func majority(_ votes: [EntityType: Int]) -> EntityType {
        votes.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key ?? .other
    }

    /// The most frequent form; ties go to the longer in bytes (so accented forms win), then the
    /// alphabetically first.
    static func preferredName(_ names: [String: Int]) -> String {
        names.max { a, b in
            if a.value != b.value { return a.value < b.value }
            if a.key.utf8.count != b.key.utf8.count { return a.key.utf8.count < b.key.utf8.count }
            return a.key > b.key
        }?.key ?? ""
    }

    /// Title spans first, then by start. Extraction gives them so already; sorting them again copied
    /// every entity's spans of every article into a new array.
    static func inMentionOrder(_ spans: [MentionSpan]) -> [MentionSpan] {
        func precedes(_ a: MentionSpan, _ b: MentionSpan) -> Bool {
            (a.inTitle ? 0 : 1, a.start) < (b.inTitle ? 0 : 1, b.start)
        }
        return zip(spans, spans.dropFirst()).contains { precedes($1, $0) } ? spans.sorted(by: precedes) : spans
    }

    /// Salience in [0, 1]: half from frequency relative to the article's most mentioned entity,
    /// three tenths from how early the first mention comes, a fifth for a title mention.
    static func salience(_ entities: [(entity: Int, spans: [MentionSpan])]) -> [ArticleEntity] {
        let most = entities.map(\.spans.count).max() ?? 1
        var result: [ArticleEntity] = entities.map { entity in
            let spans = inMentionOrder(entity.spans)
            let inTitle = spans.first?.inTitle ?? false
            let firstSentence = spans.first(where: { !$0.inTitle })?.sentence ?? 0
            let frequency = log2(1 + Double(spans.count)) / log2(1 + Double(most))
            let position = inTitle ? 1 : 1 / (1 + Double(firstSentence) / 3)
            let score = 0.5 * frequency + 0.3 * position + (inTitle ? 0.2 : 0)
            return ArticleEntity(entity: entity.entity, salience: (score * 10_000).rounded() / 10_000, mentions: spans)
        }
        result.sort { ($0.salience, $1.entity) > ($1.salience, $0.entity) }
        return result
    }
}
