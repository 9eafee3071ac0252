/// Which of the context word lists (`ContextWords`) a lower-case word is in, as bits, so that a
/// word is looked up once and then asked about any list without hashing a `String` again.
struct WordClasses: OptionSet, Sendable {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }

    static let titleAbbreviation = WordClasses(rawValue: 1 << 0)
    static let otherAbbreviation = WordClasses(rawValue: 1 << 1)
    static let functionWord = WordClasses(rawValue: 1 << 2)
    static let month = WordClasses(rawValue: 1 << 3)
    static let titleHead = WordClasses(rawValue: 1 << 4)
    static let titleModifier = WordClasses(rawValue: 1 << 5)
    static let organizationHead = WordClasses(rawValue: 1 << 6)
    static let organizationPrefix = WordClasses(rawValue: 1 << 7)
    static let locationHead = WordClasses(rawValue: 1 << 8)
    static let compassWord = WordClasses(rawValue: 1 << 9)
    static let eventHead = WordClasses(rawValue: 1 << 10)
    static let versusWord = WordClasses(rawValue: 1 << 11)
    static let winningVerb = WordClasses(rawValue: 1 << 12)
    static let locationPreposition = WordClasses(rawValue: 1 << 13)
    static let speechVerb = WordClasses(rawValue: 1 << 14)
    static let nameParticle = WordClasses(rawValue: 1 << 15)
    /// `MentionDetector.ofJoiners`: words after which "of" continues a name.
    static let ofJoiner = WordClasses(rawValue: 1 << 16)
    /// Single words the detector asks about by name.
    static let of = WordClasses(rawValue: 1 << 17)
    static let the = WordClasses(rawValue: 1 << 18)
    static let and = WordClasses(rawValue: 1 << 19)
    static let `for` = WordClasses(rawValue: 1 << 20)
    static let ampersand = WordClasses(rawValue: 1 << 21)
    static let chair = WordClasses(rawValue: 1 << 22)
    /// "mr", "mrs", "ms", "dr": titles that British English writes without their period.
    static let titleWithoutPeriod = WordClasses(rawValue: 1 << 23)

    /// Every listed word to its classes.
    static let table: ByteKeyTable = {
        let lists: [(Set<String>, WordClasses)] = [
            (ContextWords.titleAbbreviations, .titleAbbreviation),
            (ContextWords.otherAbbreviations, .otherAbbreviation),
            (ContextWords.functionWords, .functionWord), (ContextWords.months, .month),
            (ContextWords.titleHeads, .titleHead), (ContextWords.titleModifiers, .titleModifier),
            (ContextWords.organizationHeads, .organizationHead),
            (ContextWords.organizationPrefixes, .organizationPrefix), (ContextWords.locationHeads, .locationHead),
            (ContextWords.compassWords, .compassWord), (ContextWords.eventHeads, .eventHead),
            (ContextWords.versusWords, .versusWord), (ContextWords.winningVerbs, .winningVerb),
            (ContextWords.locationPrepositions, .locationPreposition), (ContextWords.speechVerbs, .speechVerb),
            (ContextWords.nameParticles, .nameParticle), (MentionDetector.ofJoiners, .ofJoiner),
            (["of"], .of), (["the"], .the), (["and"], .and), (["for"], .for), (["&"], .ampersand),
            (["chair"], .chair), (["mr", "mrs", "ms", "dr"], .titleWithoutPeriod),
        ]
        var table = ByteKeyTable()
        for (words, classes) in lists {
            for word in words { table.insert(word, value: classes.rawValue, combine: |) }
        }
        return table
    }()

    /// The classes of a lower-case word given as UTF-8 bytes.
    init(of word: UnsafeBufferPointer<UInt8>) {
        self.init(rawValue: WordClasses.table.value(word) ?? 0)
    }
}
