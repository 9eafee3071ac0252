extension EntityExtractor {
    /// What the gazetteers know of a name, trying its alias ("U.S.") and its Title Case form.
    func lookup(_ words: [String], key: String? = nil) -> NameFlags {
        let key = key ?? words.joined(separator: " ")
        let flags = gazetteer.flags(key)
        if !flags.isEmpty { return flags }
        let hasCapitalsOnlyWord = words.contains { word in
            word.utf8.count > 1 && !word.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
                && word.utf8.contains { $0 >= 0x41 && $0 <= 0x5A }
        }
        if hasCapitalsOnlyWord {
            return gazetteer.flags(words.map { SectionText.titleCased($0) }.joined(separator: " "))
        }
        return flags
    }

    /// Types a candidate from, in order of trust: a title before it, a dateline, an exact gazetteer
    /// match, the name's own structure (its head word), name lists, and the words around it.
    func assignType(_ candidate: inout Candidate, in section: SectionText) {
        func set(_ type: EntityType, _ strength: Int) {
            candidate.type = type
            candidate.strength = strength
        }
        let words = candidate.words
        let count = words.count
        if candidate.titleBefore { return set(.person, 3) }
        if candidate.dateline { return set(.location, 3) }
        // The token of each word (a plural possessive's apostrophe belongs to its word), for the
        // context word lists of its `bareLowercased` form.
        let wordTokens = candidate.tokens.filter { !section.isPluralPossessive($0) }
        func lower(_ word: Int) -> WordClasses { section.classes(wordTokens[word]) }
        func isCommonWord(_ word: Int) -> Bool {
            section.withBareLowercased(wordTokens[word], gazetteer) { $0.isCommonWord($1) }
        }
        let flags = lookup(words, key: candidate.key)
        let firstFlags = gazetteer.flags(words[0])
        if count >= 2, words[0].utf8.count == 2, words[0].hasSuffix("."), words[0].first?.isUppercase == true,
            lookup(Array(words.dropFirst())).isDisjoint(with: .location)
        {
            // "M. Butcher", "J. Smith": an initial makes a person.
            return set(.person, 3)
        }
        if count >= 2, count <= 4, isFollowedByCountryInBrackets(candidate, in: section),
            !lower(count - 1).contains(.organizationHead)
        {
            // "Mark Philippoussis (Australia) beat ...": an athlete with a nationality.
            return set(.person, 2)
        }
        if isCompetitor(candidate, in: section), flags.isDisjoint(with: [.country, .group]),
            count == 1 || !firstFlags.contains(.givenName)
        {
            return set(.organization, 2)
        }
        if let type = gazetteerType(flags, words: count) { return set(type, 3) }

        // Structure: the head word of the name.
        let last = lower(count - 1)
        if count >= 2, wordTokens.contains(where: { section.classes($0).contains(.ampersand) }) {
            return set(.organization, 3)
        }
        if count >= 2 {
            if last.contains(.organizationHead) { return set(.organization, 3) }
            if count >= 3,
                (0..<(count - 1)).contains(where: {
                    lower($0).contains(.organizationPrefix) && lower($0 + 1).contains(.of)
                })
            {
                // "Bank of Japan", "Estmark Chamber of Commerce".
                return set(.organization, 3)
            }
            if last.contains(.locationHead) || lower(0).contains(.locationHead) {
                return set(.location, 3)
            }
            if firstFlags.contains(.givenName), count <= 4 { return set(.person, 3) }
            if last.contains(.eventHead) { return set(.event, 3) }
            if lower(0).contains(.compassWord),
                !lookup(Array(words.dropFirst())).isDisjoint(with: .location)
            {
                return set(.location, 3)
            }
            if let type = gazetteerType(lookup(Array(words.dropLast())), words: count - 1),
                type == .location || type == .organization
            {
                // "Toyota Motor", "Tokyo Stock" stay with what their head names, only weakly.
                if type == .organization { return set(.organization, 2) }
            }
        }
        if flags.contains(.facility) { return set(.location, 2) }
        if count == 2, gazetteer.flags(words[1]).contains(.city), !lower(0).contains(.compassWord),
            gazetteer.flags(words[0]).isDisjoint(with: NameFlags.location.union(.givenName))
        {
            // "Dynamo Moscow", "Real Madrid", "Internazionale Milan": a club named with its city.
            return set(.organization, 2)
        }
        // (The byte test first: Foundation's `contains` searched every one-word name.)
        if count == 1, words[0].utf8.contains(0x2D), words[0].contains("-") {
            // "Indo-Pacific", "Sino-Japanese", "Anglo-American".
            let parts = words[0].split(separator: "-").map(String.init)
            if let lastPart = parts.last, let firstPart = parts.first {
                let partFlags = gazetteer.flags(lastPart)
                if !partFlags.isDisjoint(with: .location) { return set(.location, 2) }
                if partFlags.contains(.group) { return set(.group, 2) }
                // "Vienna-based", "Indonesian-origin": a place or people made an attribute.
                if lastPart.first?.isLowercase == true,
                    !gazetteer.flags(firstPart).isDisjoint(with: NameFlags.location.union(.group))
                {
                    return set(.other, 2)
                }
            }
        }

        // Person names: a known given name first, or a known surname last.
        if count >= 2, count <= 4, firstFlags.contains(.givenName) { return set(.person, 3) }
        if count >= 2, count <= 3, gazetteer.flags(words[count - 1]).contains(.surname) { return set(.person, 2) }

        // Context around the name.
        let tokens = section.tokens
        let sentence = section.segmented.sentences[candidate.sentence]
        let hasNext = candidate.tokens.upperBound < sentence.upperBound
        let nextClasses = hasNext ? section.classesKeepingPeriod(candidate.tokens.upperBound) : []
        let previousClasses =
            candidate.tokens.lowerBound > sentence.lowerBound
            ? section.classesKeepingPeriod(candidate.tokens.lowerBound - 1) : []
        let isAcronym = count == 1 && tokens[candidate.tokens.lowerBound].shape.contains(.allCaps)
        if isAcronym, !section.allCaps[candidate.sentence] { return set(.organization, 2) }
        if nextClasses.contains(.speechVerb), count <= 3 { return set(.person, 2) }
        if count >= 2, count <= 4, isFollowedByRole(candidate, in: section) { return set(.person, 2) }
        if previousClasses.contains(.locationPreposition), count <= 3 { return set(.location, 1) }
        let next = count <= 2 && hasNext ? section.lowercased(candidate.tokens.upperBound) : ""
        if count <= 2, next.first?.isLowercase == true,
            ContextWords.locationHeads.contains(next)
                || next.hasSuffix("s") && ContextWords.locationHeads.contains(String(next.dropLast()))
        {
            // "the Dogger shoals", "the Baltic coast": a place word written after the name.
            return set(.location, 1)
        }
        if count == 1, Self.containsNumber(words[0]) {
            // "the K3", "Kite-1": a model or a craft, not a person.
            return set(.other, 1)
        }
        if count == 1, firstFlags.contains(.surname) || firstFlags.contains(.givenName) {
            return set(.person, 1)
        }
        if count >= 2, count <= 3, !(0..<count).contains(where: isCommonWord) {
            return set(.person, 1)
        }
        // A lone unknown word is most often a surname; a lone dictionary word ("Budget",
        // "Windows") is some other name.
        let commonWord =
            count == 1 && isCommonWord(0) && firstFlags.isDisjoint(with: [.givenName, .surname])
        set(count == 1 && !commonWord ? .person : .other, 0)
    }

    /// "Helena Strand, chief executive of ...", "Jonas Ekberg, the union's chair": a name in
    /// apposition with a role is a person. Looks at most five words past the comma, up to the
    /// next punctuation other than a possessive.
    func isFollowedByRole(_ candidate: Candidate, in section: SectionText) -> Bool {
        let comma = candidate.tokens.upperBound
        let sentence = section.segmented.sentences[candidate.sentence]
        guard comma + 1 < sentence.upperBound, section.isPunctuation(comma, SectionText.comma) else { return false }
        for index in (comma + 1)..<min(comma + 6, sentence.upperBound) {
            if section.tokens[index].kind == .punctuation {
                let lower = section.bareLowercased(index)
                guard lower == "'s" || lower == "\u{2019}s" else { return false }
                continue
            }
            if !section.classes(index).isDisjoint(with: [.titleHead, .chair]) { return true }
        }
        return false
    }

    /// "Name (Country)" as results and line-ups write athletes.
    func isFollowedByCountryInBrackets(_ candidate: Candidate, in section: SectionText) -> Bool {
        let open = candidate.tokens.upperBound
        let sentence = section.segmented.sentences[candidate.sentence]
        guard open + 2 < sentence.upperBound, section.isPunctuation(open, SectionText.openingBracket) else {
            return false
        }
        var close = open + 1
        while close < sentence.upperBound, close - open <= 4, !section.isPunctuation(close, SectionText.closingBracket)
        { close += 1 }
        guard close < sentence.upperBound, close > open + 1 else { return false }
        let words = ((open + 1)..<close).map { section.normalised($0) }
        return lookup(words).contains(.country)
    }

    /// A team in a results line or table ("Pohang 3 Ulsan 2", "DETROIT 48 86 .358") or beside
    /// a verb of winning ("Leicestershire beat Somerset", "Birmingham v Barnsley").
    func isCompetitor(_ candidate: Candidate, in section: SectionText) -> Bool {
        let sentence = section.segmented.sentences[candidate.sentence]
        let tokens = section.tokens
        let after = candidate.tokens.upperBound
        let before = candidate.tokens.lowerBound - 1
        let nextWord: WordClasses = after < sentence.upperBound ? section.classesKeepingPeriod(after) : []
        let previousWord: WordClasses = before >= sentence.lowerBound ? section.classesKeepingPeriod(before) : []
        if previousWord.contains(.versusWord) || !nextWord.isDisjoint(with: [.versusWord, .winningVerb]) {
            return true
        }
        guard after < sentence.upperBound, tokens[after].kind == .number else { return false }
        var numbers = 0
        for index in sentence where tokens[index].kind == .number {
            numbers += 1
            if numbers >= 2 { return true }
        }
        return false
    }

    /// The type an exact gazetteer match gives; single words favour places (a bare "Washington"
    /// is the city), longer names favour people ("George Washington").
    func gazetteerType(_ flags: NameFlags, words: Int) -> EntityType? {
        let order: [(NameFlags, EntityType)] =
            words == 1
            ? [
                (.location, .location), (.organization, .organization), (.group, .group), (.person, .person),
                (.event, .event), (.work, .other),
            ]
            : [
                (.person, .person), (.location, .location), (.organization, .organization), (.event, .event),
                (.group, .group), (.work, .other),
            ]
        for (flag, type) in order where !flags.isDisjoint(with: flag) { return type }
        return nil
    }

    /// `word.contains(where: \.isNumber)`, without Unicode properties for ASCII (where only
    /// the digits are numbers).
    static func containsNumber(_ word: String) -> Bool {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.contains(where: \.isNumber) }
        return word.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }
}
