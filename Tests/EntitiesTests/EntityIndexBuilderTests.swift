import Foundation
import Testing

@testable import Entities

@Suite struct EntityIndexBuilderTests {
    func mention(
        _ name: String, _ type: EntityType, at start: Int, surface: String? = nil, title: Bool = false,
        evidence: Int = 0
    )
        -> EntityMention
    {
        let surface = surface ?? name
        return EntityMention(
            name: name, surface: surface, type: type, start: start, end: start + surface.utf8.count,
            sentence: start / 100, inTitle: title, evidence: evidence)
    }

    @Test func aCompanyMergesWithAndWithoutItsLegalForm() {
        var builder = EntityIndexBuilder()
        builder.add(
            article: 0, date: nil, mentions: [mention("Corvid Semiconductor Inc.", .organization, at: 0, evidence: 3)])
        builder.add(article: 1, date: nil, mentions: [mention("Corvid Semiconductor", .other, at: 0)])
        builder.add(article: 2, date: nil, mentions: [mention("Corvid Semiconductor", .other, at: 0)])
        builder.add(article: 3, date: nil, mentions: [mention("Northwind Co", .person, at: 0)])
        let index = builder.build()
        let corvid = index.entities.filter { $0.name.hasPrefix("Corvid") }
        #expect(corvid.count == 1)
        #expect(corvid.first?.type == .organization)
        #expect(corvid.first?.articleCount == 3)
        // A name that is only a legal form keeps it: nothing would be left to merge under.
        #expect(EntityName.mergeKey("Co") == "co")
        #expect(EntityName.mergeKey("Northwind Energy Ltd") == "northwind energy")
    }

    @Test func typeVotesAreWeightedByEvidence() {
        var builder = EntityIndexBuilder()
        // Three articles guess a person from the name's shape; one says "in Estmark".
        for article in 0..<3 {
            builder.add(article: article, date: nil, mentions: [mention("Estmark", .person, at: 0)])
        }
        builder.add(article: 3, date: nil, mentions: [mention("Estmark", .location, at: 0, evidence: 1)])
        // Equal evidence: the count decides.
        for article in 4..<7 {
            builder.add(article: article, date: nil, mentions: [mention("Harwick", .location, at: 0, evidence: 2)])
        }
        builder.add(article: 7, date: nil, mentions: [mention("Harwick", .person, at: 0, evidence: 2)])
        let index = builder.build()
        #expect(index.entities.first { $0.name == "Estmark" }?.type == .location)
        #expect(index.entities.first { $0.name == "Harwick" }?.type == .location)
    }

    func day(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: "\(text)T12:00:00Z")!
    }

    var index: EntityIndex {
        var builder = EntityIndexBuilder()
        builder.add(
            article: 0, date: day("2025-03-03"),
            mentions: [
                mention("Pete Hegseth", .person, at: 0), mention("Japan", .location, at: 20),
                mention("Pete Hegseth", .person, at: 150, surface: "Hegseth"),
            ])
        builder.add(
            article: 1, date: day("2025-03-04"),
            mentions: [mention("Hegseth", .person, at: 10), mention("Japan", .location, at: 30)])
        builder.add(
            article: 2, date: day("2025-04-10"),
            mentions: [
                mention("Japan", .location, at: 0, title: true), mention("JAPAN", .location, at: 5),
                mention("China", .location, at: 300), mention("São Paulo", .location, at: 400),
            ])
        builder.add(article: 3, date: nil, mentions: [mention("Sao Paulo", .location, at: 0)])
        return builder.build()
    }

    @Test func idsAreTypeAndSlug() throws {
        let index = self.index
        #expect(
            index.entities.map(\.id) == [
                "location/china", "location/japan", "location/sao-paulo", "person/pete-hegseth",
            ])
        let japan = try #require(index.entity(id: "location/japan"))
        #expect(japan.name == "Japan")
        #expect(japan.articleCount == 3 && japan.mentionCount == 4)
        #expect(japan.aliases.first == Entity.Alias(name: "Japan", count: 3))
        #expect(japan.firstSeen == day("2025-03-03") && japan.lastSeen == day("2025-04-10"))
    }

    @Test func surnameAloneMergesIntoTheFullName() throws {
        let hegseth = try #require(index.entity(id: "person/pete-hegseth"))
        #expect(hegseth.articleCount == 2 && hegseth.mentionCount == 3)
        #expect(Set(hegseth.aliases.map(\.name)) == ["Pete Hegseth", "Hegseth"])
    }

    @Test func slugCollisionsGetSuffixes() {
        var builder = EntityIndexBuilder()
        builder.add(
            article: 0, date: nil,
            mentions: [mention("AT&T", .organization, at: 0), mention("AT and T", .organization, at: 9)])
        builder.add(article: 1, date: nil, mentions: [mention("AT&T", .organization, at: 0)])
        builder.add(article: 2, date: nil, mentions: [mention("C++", .other, at: 0), mention("C#", .other, at: 9)])
        let index = builder.build()
        #expect(
            index.entities.map(\.id) == [
                "organization/at-and-t", "organization/at-and-t-2", "other/c-plus-plus", "other/c-sharp",
            ])
        #expect(index.entity(id: "organization/at-and-t")?.name == "AT&T")
    }

    @Test func salienceRanksTitleAndFrequentEntitiesFirst() {
        let entities = index.mentions(inArticle: 2)
        #expect(index.entities[entities[0].entity].name == "Japan")
        #expect(entities[0].salience > entities[1].salience)
        #expect(entities[0].mentions.first?.inTitle == true)
        #expect(entities.allSatisfy { $0.salience > 0 && $0.salience <= 1 })
    }

    @Test func entityNumbersAreTheMentionsEntitiesInOrder() {
        for article in -1...(index.articleCount + 1) {
            #expect(
                Array(index.entityNumbers(inArticle: article).map(Int.init))
                    == index.mentions(inArticle: article).map(\.entity))
        }
        #expect(index.entityNumbers(inArticle: 2).count > 1)
    }

    @Test func articlesBySalienceAndByDate() {
        let bySalience = index.articles(of: "location/japan")
        #expect(bySalience.first?.article == 2)
        let byDate = index.articles(of: "location/japan", sort: .date).map(\.article)
        #expect(byDate == [2, 1, 0])
        #expect(index.articles(of: "person/nobody").isEmpty)
    }

    @Test func coMentionsCountAndLift() throws {
        let index = self.index
        let list = index.coMentions(of: "location/japan", limit: 10)
        let hegseth = try #require(list.first { index.entities[$0.entity].id == "person/pete-hegseth" })
        #expect(hegseth.count == 2)
        // 4 articles; Japan in 3, Hegseth in 2, together in 2: 2 * 4 / (3 * 2).
        #expect(abs(hegseth.lift - 1.333) < 0.001)
        #expect(index.coMentions(of: "location/japan", limit: 1).count == 1)
    }

    @Test func timelinesBucketByPeriod() {
        let index = self.index
        let days = index.timeline(of: "location/japan", interval: .day)
        #expect(days.map(\.articles) == [1, 1, 1])
        #expect(days.map(\.mentions) == [1, 1, 2])
        let weeks = index.timeline(of: "location/japan", interval: .week)
        #expect(weeks.count == 2)
        #expect(weeks.first?.start == ISO8601DateFormatter().date(from: "2025-03-03T00:00:00Z"))
        let months = index.timeline(of: "location/japan", interval: .month)
        #expect(months.map(\.articles) == [2, 1])
        #expect(months.last?.start == ISO8601DateFormatter().date(from: "2025-04-01T00:00:00Z"))
        // São Paulo is named in one dated article and one undated one.
        #expect(index.timeline(of: "location/sao-paulo", interval: .month).map(\.articles) == [1])
        #expect(index.undatedCounts(of: "location/sao-paulo") == (mentions: 1, articles: 1))
        #expect(index.undatedCounts(of: "location/japan") == (mentions: 0, articles: 0))
    }

    @Test func prefixSearchFindsNamesWordsAndAliases() {
        let index = self.index
        #expect(index.entities(prefix: "heg").page.map(\.id) == ["person/pete-hegseth"])
        #expect(index.entities(prefix: "sao").page.map(\.id) == ["location/sao-paulo"])
        #expect(index.entities(prefix: "São P").page.map(\.id) == ["location/sao-paulo"])
        #expect(index.entities(prefix: "zz").total == 0)
        #expect(index.entities(type: .person).page.map(\.id) == ["person/pete-hegseth"])
    }

    @Test func listsSortAndPage() {
        let index = self.index
        #expect(index.entities(sort: .articles, limit: 1).page.map(\.id) == ["location/japan"])
        #expect(index.entities(sort: .name).page.map(\.name) == ["China", "Japan", "Pete Hegseth", "São Paulo"])
        let page = index.entities(sort: .name, offset: 3, limit: 5)
        #expect(page.total == 4 && page.page.map(\.name) == ["São Paulo"])
        #expect(index.entities(offset: 99).page.isEmpty)
    }

    @Test func parallelBuildMatchesSequentialBuild() throws {
        let extractor = try EntityExtractor.loadDefault()
        let articles = (0..<100).map { number in
            (
                title: "Talks in Tokyo \(number)",
                text: "Angela Merkel met Shinzo Abe in Tokyo. Merkel said Germany and Japan agree.",
                date: Date?.none
            )
        }
        let parallel = EntityIndexBuilder.build(articles: articles, extractor: extractor)
        var builder = EntityIndexBuilder()
        for (index, article) in articles.enumerated() {
            builder.add(
                article: index, date: nil, mentions: extractor.extract(title: article.title, text: article.text))
        }
        let sequential = builder.build()
        #expect(parallel.entities == sequential.entities)
        #expect(parallel.entity(id: "person/angela-merkel")?.articleCount == 100)
    }

    /// The counts `add` keeps per name and settles into the groups later (names, surfaces written
    /// as the name or otherwise, type votes of every type) give the aliases, type and counts of
    /// each entity counted directly, whether the articles go to one builder, to one settled at
    /// random points, or to slice builders appended in order.
    @Test func countsPerNameAddUpWhateverTheSlicing() {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi"]
        // Two words each, no last word shared: no name merges into another.
        let names = (0..<40).map { "Mar\(syllables[$0 % 8]) Tel\(syllables[$0 / 8])\(syllables[$0 % 8])" }
        let types = EntityType.allCases
        let articles = (0..<300).map { _ in
            (0..<next(12)).map { position in
                let name = names[next(names.count)]
                let surface = next(3) == 0 ? "\(name.split(separator: " ")[next(2)])" : name
                return mention(
                    name, types[next(types.count)], at: position * 40, surface: surface, evidence: next(4))
            }
        }
        var aliases: [String: [String: Int]] = [:]
        var votes: [String: [EntityType: Int]] = [:]
        var articleCounts: [String: Int] = [:]
        for mentions in articles {
            for mention in mentions {
                aliases[mention.name, default: [:]][mention.surface, default: 0] += 1
                votes[mention.name, default: [:]][mention.type, default: 0] += EntityIndexBuilder.voteWeight(
                    evidence: mention.evidence)
            }
            for name in Set(mentions.map(\.name)) { articleCounts[name, default: 0] += 1 }
        }
        var sequential = EntityIndexBuilder()
        var settledAtRandom = EntityIndexBuilder()
        var appended = EntityIndexBuilder()
        var slice = EntityIndexBuilder()
        var numbered = EntityIndexBuilder()
        for (number, mentions) in articles.enumerated() {
            sequential.add(article: number, date: nil, mentions: mentions)
            // Name numbers as the extractor hands them over: equal names, equal numbers, and
            // some names without one (-1).
            var numbers: [String: Int] = [:]
            let nameNumbers = mentions.map { mention in
                let number = numbers[mention.name] ?? numbers.count
                numbers[mention.name] = number
                return number % 5 == 4 ? -1 : number
            }
            numbered.add(article: number, date: nil, mentions: mentions, nameNumbers: nameNumbers)
            settledAtRandom.add(article: number, date: nil, mentions: mentions)
            if next(5) == 0 { settledAtRandom.settle() }
            slice.add(article: number, date: nil, mentions: mentions)
            if next(20) == 0 {
                appended.append(slice)
                slice = EntityIndexBuilder()
            }
        }
        appended.append(slice)
        let built = [sequential.build(), settledAtRandom.build(), appended.build(), numbered.build()]
        #expect(built[0].entities.count == aliases.count)
        for entity in built[0].entities {
            #expect(
                Dictionary(uniqueKeysWithValues: entity.aliases.map { ($0.name, $0.count) }) == aliases[entity.name])
            #expect(entity.type == EntityIndexBuilder.majority(votes[entity.name] ?? [:]))
            #expect(entity.mentionCount == aliases[entity.name]?.values.reduce(0, +))
            #expect(entity.articleCount == articleCounts[entity.name])
        }
        #expect(built[1].entities == built[0].entities)
        #expect(built[2].entities == built[0].entities)
        #expect(built[3].entities == built[0].entities)
        for article in 0..<articles.count {
            #expect(built[3].mentions(inArticle: article) == built[0].mentions(inArticle: article))
        }
    }

    /// `inMentionOrder` skips the sort only when it would change nothing: spans already in order,
    /// with ties, out of order and mixed title and text spans all equal the plain stable sort.
    @Test func mentionOrderEqualsTheSort() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<2_000 {
            var spans = (0..<next(8)).map { sentence in
                MentionSpan(start: Int32(next(40)), end: 50, sentence: Int32(sentence), inTitle: next(4) == 0)
            }
            if round % 2 == 0 {
                spans.sort { ($0.inTitle ? 0 : 1, $0.start) < ($1.inTitle ? 0 : 1, $1.start) }
            }
            let sorted = spans.sorted { ($0.inTitle ? 0 : 1, $0.start) < ($1.inTitle ? 0 : 1, $1.start) }
            #expect(EntityIndexBuilder.inMentionOrder(spans) == sorted)
        }
    }
}
