extension EntityExtractor {
    /// What the gazetteers know of a name (its words joined by single spaces), trying its alias
    /// ("U.S.") and its Title Case form.
    func lookup(_ key: String) -> NameFlags {
        var key = key
        return key.withUTF8 { lookup(joined: $0) }
    }

    /// `lookup` of the words joined by single spaces, given as their UTF-8 bytes: the words are
    /// the bytes between spaces (no word holds a space), so a part of a candidate's `key` is the
    /// lookup of those of its words, without an array or a `String` of its own.
    func lookup(joined name: UnsafeBufferPointer<UInt8>) -> NameFlags {
        let flags = gazetteer.flags(name)
        return flags.isEmpty ? lookupTitleCased(name) : flags
    }

    /// The second try of `lookup(joined:)`: the name in Title Case when a word of it is written
    /// in capitals only ("NATO" -> "Nato"), else no flags.
    func lookupTitleCased(_ name: UnsafeBufferPointer<UInt8>) -> NameFlags {
        guard Self.hasCapitalsOnlyWord(name) else { return [] }
        guard name.allSatisfy({ $0 < 0x80 }) else {
            let words = name.split(separator: 0x20).map {
                SectionText.titleCased(String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self))
            }
            return gazetteer.flags(words.joined(separator: " "))
        }
        // ASCII Title Case of the whole is that of each word: a space starts a word again.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count) { buffer in
            var upperNext = true
            for (offset, byte) in name.enumerated() {
                let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                buffer[offset] = !isLetter ? byte : upperNext ? byte & ~0x20 : byte | 0x20
                upperNext = !isLetter && byte != 0x27
            }
            return gazetteer.flags(UnsafeBufferPointer(buffer))
        }
    }

    /// Whether a word (the bytes between spaces) of more than one byte has capitals and no
    /// ASCII lower-case letter ("NATO", "U.S.").
    static func hasCapitalsOnlyWord(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var length = 0
        var hasLower = false
        var hasUpper = false
        for index in 0...name.count {
            let byte: UInt8 = index < name.count ? name[index] : 0x20
            if byte == 0x20 {
                if length > 1 && !hasLower && hasUpper { return true }
                length = 0
                hasLower = false
                hasUpper = false
                continue
            }
            length += 1
            if byte >= 0x61 && byte <= 0x7A { hasLower = true }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        return false
    }

    /// The first or the last word of a key.
    enum KeyWord { case first, last }

    /// `lookup` of a key's words but its first or its last one; for keys of two words or more.
    func lookup(_ key: String, dropping word: KeyWord) -> NameFlags {
        var key = key
        return key.withUTF8 { bytes in
            let part =
                word == .first
                ? bytes.firstIndex(of: 0x20).map { bytes[($0 + 1)...] } ?? bytes[bytes.count...]
                : bytes.lastIndex(of: 0x20).map { bytes[..<$0] } ?? bytes[..<0]
            return lookup(joined: UnsafeBufferPointer(rebasing: part))
        }
    }

    /// Types a candidate from, in order of trust: a title before it, a dateline, an exact gazetteer
    /// match, the name's own structure (its head word), name lists, and the words around it.
    func assignType(_ candidate: inout Candidate, in section: SectionText) {
        func set(_ type: EntityType, _ strength: Int) {
            candidate.type = type
            candidate.strength = strength
        }
        let count = candidate.wordCount
        if candidate.titleBefore { return set(.person, 3) }
        if candidate.dateline { return set(.location, 3) }
        // The token of each word (a plural possessive's apostrophe belongs to its word), for the
        // context word lists of its `bareLowercased` form.
        // Without a possessive (nearly always) word `n` is token `n` of the candidate.
        let wordTokens =
            count == candidate.tokens.count ? [] : candidate.tokens.filter { !section.isPluralPossessive($0) }
        let firstToken = candidate.tokens.lowerBound
        func token(_ word: Int) -> Int { wordTokens.isEmpty ? firstToken + word : wordTokens[word] }
        func lower(_ word: Int) -> WordClasses { section.classes(token(word)) }
        func isCommonWord(_ word: Int) -> Bool {
            section.withBareLowercased(token(word), gazetteer) { $0.isCommonWord($1) }
        }
        // Without a possessive the words are the tokens' `normalised` words, whose flags the
        // section remembers from detection.
        func wordFlags(_ word: Int) -> NameFlags {
            wordTokens.isEmpty
                ? section.nameFlags(token(word)..<(token(word) + 1), gazetteer)
                : gazetteer.flags(candidate.words[word])
        }
        let flags: NameFlags
        if wordTokens.isEmpty {
            let known = section.nameFlags(candidate.tokens, gazetteer)
            var key = candidate.key
            flags = known.isEmpty ? key.withUTF8 { lookupTitleCased($0) } : known
        } else {
            flags = lookup(candidate.key)
        }
        let firstFlags = wordFlags(0)
        if count >= 2, candidate.key.utf8.dropFirst(2).first == 0x20, case let first = candidate.firstWord,
            first.hasSuffix("."), first.first?.isUppercase == true,
            lookup(candidate.key, dropping: .first).isDisjoint(with: .location)
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
        if count >= 2, (0..<count).contains(where: { lower($0).contains(.ampersand) }) {
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
                !lookup(candidate.key, dropping: .first).isDisjoint(with: .location)
            {
                return set(.location, 3)
            }
            if let type = gazetteerType(lookup(candidate.key, dropping: .last), words: count - 1),
                type == .location || type == .organization
            {
                // "Toyota Motor", "Tokyo Stock" stay with what their head names, only weakly.
                if type == .organization { return set(.organization, 2) }
            }
        }
        if flags.contains(.facility) { return set(.location, 2) }
        if count == 2, wordFlags(1).contains(.city), !lower(0).contains(.compassWord),
            wordFlags(0).isDisjoint(with: NameFlags.location.union(.givenName))
        {
            // "Dynamo Moscow", "Real Madrid", "Internazionale Milan": a club named with its city.
            return set(.organization, 2)
        }
        // (The byte test first: Foundation's `contains` searched every one-word name.)
        if count == 1, candidate.key.utf8.contains(0x2D), let parts = Self.hyphenParts(candidate.key) {
            // "Indo-Pacific", "Sino-Japanese", "Anglo-American".
            let partFlags = gazetteer.flags(parts.last)
            if !partFlags.isDisjoint(with: .location) { return set(.location, 2) }
            if partFlags.contains(.group) { return set(.group, 2) }
            // "Vienna-based", "Indonesian-origin": a place or people made an attribute.
            if parts.last.first?.isLowercase == true,
                !gazetteer.flags(parts.first).isDisjoint(with: NameFlags.location.union(.group))
            {
                return set(.other, 2)
            }
        }

        // Person names: a known given name first, or a known surname last.
        if count >= 2, count <= 4, firstFlags.contains(.givenName) { return set(.person, 3) }
        if count >= 2, count <= 3, wordFlags(count - 1).contains(.surname) { return set(.person, 2) }

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
        if count <= 2, hasNext, isLocationWord(candidate.tokens.upperBound, nextClasses, in: section) {
            // "the Dogger shoals", "the Baltic coast": a place word written after the name.
            return set(.location, 1)
        }
        if count == 1, Self.containsNumber(candidate.key) {
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

    /// The first and the last part of a word cut at its hyphens ("Indo", "Pacific"), as
    /// `split(separator: "-")` gives them; nil when there is none (the word is "-" alone, or its
    /// hyphen carries a combining mark). ASCII is cut byte by byte.
    static func hyphenParts(_ word: String) -> (first: String, last: String)? {
        var word = word
        let ascii = word.withUTF8 { bytes -> (first: String, last: String)?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            guard bytes.contains(0x2D) else { return .some(nil) }
            let parts = bytes.split(separator: 0x2D)
            guard let first = parts.first, let last = parts.last else { return .some(nil) }
            return .some(
                (
                    String(decoding: UnsafeBufferPointer(rebasing: first), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: last), as: UTF8.self)
                ))
        }
        if let ascii { return ascii }
        guard word.contains("-") else { return nil }
        let parts = word.split(separator: "-").map(String.init)
        guard let first = parts.first, let last = parts.last else { return nil }
        return (first, last)
    }

    /// Whether the token after a name is a place word written in lower case or its plural ("the
    /// Dogger shoals", "the Baltic coast"): its lower-cased form starts with a lower-case letter
    /// and is in `ContextWords.locationHeads`, or is once its final "s" is dropped. `classes` are
    /// the token's `classesKeepingPeriod`, the word lists of that lower-cased form.
    func isLocationWord(_ index: Int, _ classes: WordClasses, in section: SectionText) -> Bool {
        let token = section.tokens[index]
        let ascii = UnsafeBufferPointer(rebasing: section.bytes[token.start..<token.end]).allSatisfy { $0 < 0x80 }
        guard ascii else {
            let next = section.lowercased(index)
            return next.first?.isLowercase == true
                && (ContextWords.locationHeads.contains(next)
                    || next.hasSuffix("s") && ContextWords.locationHeads.contains(String(next.dropLast())))
        }
        // Lower-cased ASCII starts with a lower-case letter when the token starts with a letter.
        guard (section.bytes[token.start] | 0x20) &- 0x61 < 26 else { return false }
        if classes.contains(.locationHead) { return true }
        guard section.bytes[token.end - 1] | 0x20 == 0x73 else { return false }
        return section.withLowercased(from: token.start, to: token.end - 1, ()) { WordClasses(of: $1) }
            .contains(.locationHead)
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
        return section.withKey((open + 1)..<close, self) { $0.lookup(joined: $1) }.contains(.country)
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
        var copy = word
        let ascii = copy.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.contains { $0 >= 0x30 && $0 <= 0x39 }
        }
        return ascii ?? word.contains(where: \.isNumber)
    }
}
