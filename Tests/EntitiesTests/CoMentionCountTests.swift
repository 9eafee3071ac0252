import Testing

@testable import Entities

@Suite struct CoMentionCountTests {
    /// Pair counts the plain way: one dictionary over every article's top entities.
    static func reference(_ articles: [[ArticleEntity]], entityCount: Int) -> [[CoMention]] {
        var pairs: [UInt64: Int] = [:]
        var articleCounts = [Int](repeating: 0, count: entityCount)
        for entities in articles {
            for entity in entities { articleCounts[entity.entity] += 1 }
            let top = entities.prefix(EntityIndexBuilder.coMentionEntitiesPerArticle).map(\.entity).sorted()
            for (offset, a) in top.enumerated() {
                for b in top[(offset + 1)...] where a != b { pairs[UInt64(a) << 32 | UInt64(b), default: 0] += 1 }
            }
        }
        var lists = [[CoMention]](repeating: [], count: entityCount)
        for (pair, count) in pairs {
            let (a, b) = (Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
            let lift = Double(count) * Double(articles.count) / (Double(articleCounts[a]) * Double(articleCounts[b]))
            lists[a].append(CoMention(entity: b, count: count, lift: (lift * 1000).rounded() / 1000))
            lists[b].append(CoMention(entity: a, count: count, lift: (lift * 1000).rounded() / 1000))
        }
        return lists.map { list in
            Array(
                list.sorted { ($0.count, $0.lift, $1.entity) > ($1.count, $1.lift, $0.entity) }.prefix(
                    EntityIndexBuilder.coMentionsKept))
        }
    }

    /// 10,000 articles (three chunks of the parallel count) of up to 16 entities drawn from 300
    /// with a skew, an entity sometimes twice in one article (two names merged into one entity).
    static let articles: [[ArticleEntity]] = {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<10_000).map { _ in
            (0..<next(17)).map { _ in
                ArticleEntity(entity: next(4) == 0 ? next(300) : next(20), salience: 0, mentions: [])
            }
        }
    }()

    /// The chunks' counts are summed per range of first entities: one range (a plain sort of
    /// everything), ranges that split the skewed first twenty, one per entity, more than entities.
    @Test(arguments: [1, 3, 7, 32, 300, 1_000])
    func chunkedSortedCountsEqualOneDictionary(rangeCount: Int) {
        let table = EntityIndex.coMentions(Self.articles, entityCount: 300, rangeCount: rangeCount)
        let counted = (0..<300).map { table.coMentions(of: $0, limit: EntityIndexBuilder.coMentionsKept + 1) }
        #expect(counted == Self.reference(Self.articles, entityCount: 300))
        #expect(counted.contains { $0.count == EntityIndexBuilder.coMentionsKept })
    }

    /// More entities than one task of the table orders (4,096), so lists are ordered in several.
    @Test func listsOrderedInSeveralRangesEqualOneDictionary() {
        let articles = Self.articles.enumerated().map { number, entities in
            entities.map { ArticleEntity(entity: $0.entity * 31 + number % 31, salience: 0, mentions: []) }
        }
        let table = EntityIndex.coMentions(articles, entityCount: 9_300)
        let counted = (0..<9_300).map { table.coMentions(of: $0, limit: EntityIndexBuilder.coMentionsKept + 1) }
        #expect(counted == Self.reference(articles, entityCount: 9_300))
    }
}
