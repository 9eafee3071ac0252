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
    /// Per name seen by `add`: its number in `names` (-1: the name folds to nothing), and the
    /// article (by its place in `articles`) and tally it was last counted in, so a mention costs one
    /// look-up of its name, and a name folds (`EntityName.mergeKey`) once per builder instead of
    /// once per article.
    private var nameSeen: [String: NameSeen] = [:]
    /// What `add` counted per name and has not yet put into the groups' dictionaries (`settle`):
    /// a counter in an array per mention instead of three `String`-keyed dictionary updates per
    /// name and article, each a cache miss on a group's dictionary.
    private var names: [NameCounts] = []
    /// Whether `names` holds counts not yet settled into `groups`.
    private var unsettled = false

    private struct NameSeen {
        var number: Int
        var article: Int
        var tally: Int
    }

    private struct NameCounts {
        let name: String
        let group: Int
        /// Mentions of the name since the last `settle()`.
        var count = 0
        /// Mentions written as the name itself (most of them): the group's surface `name`.
        var sameSurface = 0
        /// Type vote weights, by `EntityType.allCases` position.
        var typeWeights = SIMD8<Int>()

        init(name: String, group: Int) {
            self.name = name
            self.group = group
        }
    }

    public init() {}

    public var articleCount: Int { articles.count }

    /// One name of the article being added: its place among the article's entities, and the
    /// surfaces other than the name itself, tallied per article so the group's `surfaces` is
    /// updated once per distinct surface (a name's own surface is counted in `names`).
    private struct NameTally {
        var number: Int
        /// The group's place in the article's entities.
        var slot: Int
        var otherSurfaces: [(surface: String, count: Int)] = []
    }

    /// Adds one article's mentions; `article` is the caller's index for it, returned by queries.
    public mutating func add(article: Int, date: Date?, mentions: [EntityMention]) {
        add(article: article, date: date, mentions: mentions, nameNumbers: nil)
    }

    /// `add`, given for each mention the number of its name in the article
    /// (`EntityExtractor.extractNumbered`): a name is then looked up in `nameSeen` once per
    /// article, not once per mention.
    mutating func add(article: Int, date: Date?, mentions: [EntityMention], nameNumbers: [Int]?) {
        precondition(nameNumbers.map { $0.count == mentions.count } ?? true, "a name number for each mention")
        // Per name number, the tally of its mentions once known: -2 not yet, -1 none (the name
        // folds to nothing).
        var tallyOfName = [Int](repeating: -2, count: nameNumbers.map { ($0.max() ?? -1) + 1 } ?? 0)
        var local: [Int: Int] = [:]
        let serial = articles.count
        var tallies: [NameTally] = []
        var entities: [(group: Int, spans: [MentionSpan])] = []
        func tally(number: Int) -> Int {
            let group = names[number].group
            let slot: Int
            if let known = local[group] {
                slot = known
            } else {
                slot = entities.count
                local[group] = slot
                entities.append((group, []))
            }
            tallies.append(NameTally(number: number, slot: slot))
            return tallies.count - 1
        }
        for (position, mention) in mentions.enumerated() {
            let nameNumber = nameNumbers.flatMap { $0[position] >= 0 ? $0[position] : nil }
            var current = nameNumber.map { tallyOfName[$0] } ?? -2
            if current == -2 {
                current = -1
                if let index = nameSeen.index(forKey: mention.name) {
                    let seen = nameSeen.values[index]
                    if seen.number >= 0 && seen.article == serial {
                        current = seen.tally
                    } else if seen.number >= 0 {
                        current = tally(number: seen.number)
                        nameSeen.values[index].article = serial
                        nameSeen.values[index].tally = current
                    }
                } else {
                    let group = group(ofName: mention.name)
                    if group >= 0 {
                        names.append(NameCounts(name: mention.name, group: group))
                        current = tally(number: names.count - 1)
                        nameSeen[mention.name] = NameSeen(number: names.count - 1, article: serial, tally: current)
                    } else {
                        nameSeen[mention.name] = NameSeen(number: -1, article: serial, tally: -1)
                    }
                }
                if let nameNumber { tallyOfName[nameNumber] = current }
            }
            guard current >= 0 else { continue }
            let number = tallies[current].number
            assert(names[number].name == mention.name, "equal name numbers stand for equal names")
            names[number].count += 1
            names[number].typeWeights[Self.lane(of: mention.type)] += EntityIndexBuilder.voteWeight(
                evidence: mention.evidence)
            if mention.surface == mention.name {
                names[number].sameSurface += 1
            } else if let index = tallies[current].otherSurfaces.firstIndex(where: { $0.surface == mention.surface }) {
                tallies[current].otherSurfaces[index].count += 1
            } else {
                tallies[current].otherSurfaces.append((mention.surface, 1))
            }
            entities[tallies[current].slot].spans.append(MentionSpan(mention))
        }
        unsettled = unsettled || !tallies.isEmpty
        for tally in tallies where !tally.otherSurfaces.isEmpty {
            let group = names[tally.number].group
            for (surface, count) in tally.otherSurfaces { groups[group].surfaces[surface, default: 0] += count }
        }
        articles.append(ArticleRecord(article: article, date: date, entities: entities))
    }

    /// The position of `type` in `EntityType.allCases`, a lane of `NameCounts.typeWeights`.
    private static func lane(of type: EntityType) -> Int {
        switch type {
        case .person: 0
        case .organization: 1
        case .location: 2
        case .group: 3
        case .event: 4
        case .other: 5
        }
    }

    /// Puts the counts `add` kept per name into the groups' dictionaries (names, their own
    /// surfaces, type votes) and zeroes them; `build` and `append` read only the groups.
    mutating func settle() {
        guard unsettled else { return }
        let types = EntityType.allCases
        for number in names.indices where names[number].count > 0 {
            let counts = names[number]
            groups[counts.group].names[counts.name, default: 0] += counts.count
            if counts.sameSurface > 0 { groups[counts.group].surfaces[counts.name, default: 0] += counts.sameSurface }
            for lane in types.indices where counts.typeWeights[lane] > 0 {
                groups[counts.group].types[types[lane], default: 0] += counts.typeWeights[lane]
            }
            names[number].count = 0
            names[number].sameSurface = 0
            names[number].typeWeights = SIMD8<Int>()
        }
        unsettled = false
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
        var settled = self
        settled.settle()
        return settled.buildSettled()
    }

    private func buildSettled() -> EntityIndex {
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
