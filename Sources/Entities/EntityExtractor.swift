/// Finds the named entities of an article: people, organisations, places, groups, events and
/// other names, typed with context and the generated gazetteers, with aliases resolved within the
/// article ("Hegseth" is "Pete Hegseth", "U.S." is "United States").
public struct EntityExtractor: Sendable {
    let gazetteer: Gazetteer
    let segmenter = TextSegmenter()

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// An extractor over the gazetteers shipped with the module.
    public static func loadDefault() throws -> EntityExtractor {
        EntityExtractor(gazetteer: try Gazetteer.loadDefault())
    }

    /// The mentions of `title` and `text`, title mentions first, each part in text order.
    public func extract(title: String, text: String) -> [EntityMention] {
        extractNumbered(title: title, text: text).mentions
    }

    /// `extract(title:text:)`, with the number of each mention's name among the article's
    /// distinct names (equal numbers, equal names; -1 for none), so that `EntityIndexBuilder.add`
    /// looks a name up once per article rather than once per mention.
    func extractNumbered(title: String, text: String) -> (mentions: [EntityMention], names: [Int]) {
        var title = title
        var text = text
        return title.withUTF8 { titleBytes in
            text.withUTF8 { textBytes in
                extractNumbered(title: titleBytes, text: textBytes)
            }
        }
    }

    /// `extractNumbered(title:text:)` on the UTF-8 bytes of the title and the text.
    func extractNumbered(
        title: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>
    ) -> (
        mentions: [EntityMention], names: [Int]
    ) {
        let sections = [
            SectionText(bytes: title, segmented: segmenter.segment(title), inTitle: true),
            SectionText(bytes: text, segmented: segmenter.segment(text), inTitle: false),
        ]
        var evidence = DocumentEvidence(tokens: sections.reduce(0) { $0 + $1.tokens.count })
        for section in sections { evidence.collect(from: section) }
        var candidates: [Candidate] = []
        for section in sections {
            let detector = MentionDetector(gazetteer: gazetteer, section: section, evidence: evidence)
            let start = candidates.count
            detector.candidates(into: &candidates)
            for index in start..<candidates.count {
                assignType(&candidates[index], in: section)
            }
        }
        let names = resolveAliases(&candidates)
        let mentions = candidates.map {
            EntityMention(
                name: $0.name, surface: $0.surface, type: $0.type, start: $0.start, end: $0.end,
                sentence: $0.sentence, inTitle: $0.inTitle, evidence: $0.strength)
        }
        return (mentions, names)
    }
}
