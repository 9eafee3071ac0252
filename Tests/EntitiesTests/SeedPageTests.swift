import Foundation
import Testing

@testable import Entities

/// The seed page from the shared corpus, read by hand: what a reader finds in it must be found,
/// and nothing a reader would not call a name.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: seedPagePath)))
struct SeedPageTests {
    static let path = seedPagePath

    static let mentions: [EntityMention] = {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (try? EntityExtractor.loadDefault())?.extract(title: "", text: text) ?? []
    }()

    static var entities: [String: EntityType] {
        var result: [String: EntityType] = [:]
        for mention in mentions { result[mention.name] = mention.type }
        return result
    }

    @Test(arguments: [
        ("Pete Hegseth", EntityType.person), ("Joe Biden", .person), ("Donald Trump", .person),
        ("Gen Nakatani", .person), ("Japan", .location), ("China", .location), ("Taiwan", .location),
        ("Philippines", .location), ("East Asia", .location), ("Indo-Pacific", .location),
        ("East China Sea", .location), ("Taiwan Strait", .location), ("Iwo Jima", .location), ("Asia", .location),
        ("United States", .location), ("Self-Defense Forces", .organization), ("World War II", .event),
        ("Japanese", .group), ("Chinese", .group),
    ])
    func findsEntity(_ name: String, _ type: EntityType) {
        #expect(Self.entities[name] == type, "\(name)")
    }

    @Test func surnamesAndTitlesResolveToFullNames() {
        let names = Set(Self.mentions.map(\.name))
        for partial in ["Hegseth", "Trump", "Nakatani", "Biden", "President Trump", "Defense Minister Gen Nakatani"] {
            #expect(!names.contains(partial), "\(partial)")
        }
        let hegseth = Self.mentions.filter { $0.name == "Pete Hegseth" }
        #expect(hegseth.count >= 7)
        #expect(hegseth.contains { $0.surface == "Hegseth" })
        #expect(Self.mentions.contains { $0.surface == "Trump" && $0.name == "Donald Trump" })
        #expect(Self.mentions.filter { $0.surface == "U.S." }.allSatisfy { $0.name == "United States" })
    }

    @Test func reportsNoSentenceStartMonthOrCommonNoun() {
        let surfaces = Set(Self.mentions.map(\.surface))
        for word in [
            "Last", "Last year", "Despite", "Overall", "February", "He", "The", "This", "By", "Collaborative",
            "Share", "Leave", "Reply", "Exit", "Secretary", "Secretary of Defense", "President", "Defense Minister",
        ] {
            #expect(!surfaces.contains(word), "\(word)")
        }
    }

    @Test func offsetsPointAtTheSurface() throws {
        let bytes = Array(try String(contentsOfFile: Self.path, encoding: .utf8).utf8)
        for mention in Self.mentions {
            #expect(String(decoding: bytes[mention.start..<mention.end], as: UTF8.self) == mention.surface)
        }
    }
}
