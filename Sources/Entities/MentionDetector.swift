/// Finds the spans of one section that name something: runs of capitalised words joined by
/// connectors, with sentence-start words, titles and leading places or nationalities taken off.
struct MentionDetector {
    let gazetteer: Gazetteer
    let section: SectionText
    let evidence: DocumentEvidence

    /// Words after which "of" continues a name ("Bank of Japan", "Secretary of Defense").
    static let ofJoiners: Set<String> = ContextWords.organizationPrefixes.union(ContextWords.locationHeads)
        .union(ContextWords.titleHeads).union([
            "battle", "duke", "duchess", "earl", "count", "countess", "city", "people's", "bill", "siege",
            "treaty", "declaration", "statue", "tower", "palace", "cathedral", "bay", "sultan", "prince",
            "archbishop", "republic", "kingdom", "state", "states", "commonwealth", "union", "isle", "gulf",
            "sea", "straits", "strait", "cape", "museum", "university", "institute", "school", "bank",
        ])

    /// Appends the section's candidates to `result`.
    func candidates(into result: inout [Candidate]) {
        for (sentence, range) in section.segmented.sentences.enumerated() {
            let headline = section.titleCase[sentence] || section.allCaps[sentence]
            let accepted = headline ? acceptedHeadlineWords(range) : []
            var index = range.lowerBound
            while index < range.upperBound {
                guard isNameWord(index, range, accepted) else {
                    index += 1
                    continue
                }
                let end = runEnd(from: index, in: range, accepted)
                split(run: index..<end, headline: headline, into: &result)
                index = end
            }
        }
    }

    // MARK: Words

    func isNameWord(_ index: Int, _ sentence: Range<Int>, _ accepted: [Bool]) -> Bool {
        let token = section.tokens[index]
        guard token.kind == .word else { return false }
        if !accepted.isEmpty { return accepted[index - sentence.lowerBound] }
        guard token.shape.contains(.capitalised) else { return false }
        return !section.classes(index).contains(.month) && !isContraction(index)
    }

    /// "I'm", "We're", "Don't": a function word with a clitic is no name.
    func isContraction(_ index: Int) -> Bool {
        // Lower-casing neither makes nor removes an apostrophe: without one in the token's bytes
        // ("'" or a byte that may start "’") the answer is no.
        let token = section.tokens[index]
        guard section.bytes[token.start..<token.end].contains(where: { $0 == 0x27 || $0 == 0xE2 }) else {
            return false
        }
        let lower = section.bareLowercased(index)
        guard let apostrophe = lower.firstIndex(where: { $0 == "'" || $0 == "’" }) else { return false }
        let head = String(lower[..<apostrophe])
        return ContextWords.functionWords.contains(head)
            || gazetteer.isCommonWord(lower.replacingOccurrences(of: "’", with: "'"))
    }

    /// In a headline every word is capitalised, so a word counts as a name only when the article
    /// writes it capitalised elsewhere, a gazetteer knows it, or it is no dictionary word at all.
    func acceptedHeadlineWords(_ range: Range<Int>) -> [Bool] {
        var accepted = [Bool](repeating: false, count: range.count)
        var offset = 0
        while offset < range.count {
            if let length = gazetteerMatch(at: range.lowerBound + offset, in: range) {
                for covered in offset..<(offset + length) { accepted[covered] = true }
                offset += length
                continue
            }
            accepted[offset] = acceptsHeadlineWord(range.lowerBound + offset)
            offset += 1
        }
        return accepted
    }

    /// The length of the longest multi-word gazetteer name (up to five words, no punctuation)
    /// starting at token `start` of a sentence's tokens `range`, if any.
    func gazetteerMatch(at start: Int, in range: Range<Int>) -> Int? {
        var end = start
        while end < range.upperBound, end - start < 5, section.tokens[end].kind == .word { end += 1 }
        guard end - start >= 2, section.withKey(start..<(start + 2), gazetteer, { $0.mayStartLongerName($1) })
        else { return nil }
        for length in stride(from: end - start, through: 2, by: -1)
        where !flags(start..<(start + length)).isDisjoint(with: .typed) {
            return length
        }
        return nil
    }

    func acceptsHeadlineWord(_ index: Int) -> Bool {
        let token = section.tokens[index]
        guard token.kind == .word, token.shape.contains(.capitalised) else { return false }
        if !section.classes(index).isDisjoint(with: [.functionWord, .month]) { return false }
        if writesCapitalised(index) { return true }
        if token.shape.contains(.allCaps) && !section.allCaps[token.sentence] { return true }
        let flags = flags(index)
        if isCommonWord(index) || writesLowercase(index) {
            if !flags.isDisjoint(with: [.country, .person, .organization, .group, .region, .water, .island]) {
                return true
            }
            // "Mike Conley": a given name before a word that is no dictionary word.
            let next = index + 1
            guard !flags.isDisjoint(with: [.givenName, .properNoun]), next < section.tokens.count,
                section.tokens[next].kind == .word, section.tokens[next].sentence == token.sentence
            else { return false }
            return !isCommonWord(next)
        }
        return true
    }

    /// What the gazetteers know of the token's `normalised` word.
    @inline(__always)
    func flags(_ index: Int) -> NameFlags {
        section.nameFlags(index..<(index + 1), gazetteer)
    }

    /// Whether the token's `bareLowercased` word is in the dictionary.
    @inline(__always)
    func isCommonWord(_ index: Int) -> Bool {
        section.withBareLowercased(index, gazetteer) { $0.isCommonWord($1) }
    }

    /// Whether the article writes the token's `normalised` word capitalised inside a sentence.
    @inline(__always)
    func writesCapitalised(_ index: Int) -> Bool {
        section.withNormalised(index, evidence) { $0.writesCapitalised($1) }
    }

    /// Whether the article writes the token's `bareLowercased` word in lower case.
    @inline(__always)
    func writesLowercase(_ index: Int) -> Bool {
        section.withBareLowercased(index, evidence) { $0.writesLowercase($1) }
    }

    // MARK: Runs

    /// The end of the run of name words starting at `start`, crossing connectors that continue
    /// names ("of" after "Bank", particles such as "de", "and" inside a known name, "&").
    func runEnd(from start: Int, in range: Range<Int>, _ accepted: [Bool]) -> Int {
        var end = start + 1
        while end < range.upperBound {
            if isNameWord(end, range, accepted) {
                end += 1
                continue
            }
            let token = section.tokens[end]
            let next = end + 1
            if section.isPluralPossessive(end), next < range.upperBound, isNameWord(next, range, accepted),
                section.classes(next).contains(.organizationHead)
            {
                // "Harwick Dockworkers' Union", "Workers' Party": the apostrophe stays inside.
                end = next + 1
                continue
            }
            guard next < range.upperBound, token.start == section.tokens[end - 1].end + 1 else { break }
            let lower = section.classesKeepingPeriod(end)
            if token.kind == .word && !token.shape.contains(.capitalised) {
                if !lower.isDisjoint(with: [.of, .for]),
                    section.classes(end - 1).contains(.ofJoiner)
                        || gazetteer.connectorPrefixes.contains("\(key(start..<end)) \(section.lowercased(end))")
                {
                    var after = next
                    if after < range.upperBound, section.classesKeepingPeriod(after).contains(.the) { after += 1 }
                    if after < range.upperBound, isNameWord(after, range, accepted) {
                        end = after + 1
                        continue
                    }
                } else if lower.contains(.nameParticle), isNameWord(next, range, accepted) {
                    end = next + 1
                    continue
                } else if lower.contains(.and), gazetteer.connectorPrefixes.contains("\(key(start..<end)) and"),
                    isNameWord(next, range, accepted)
                {
                    end = next + 1
                    continue
                }
            } else if lower.contains(.ampersand), isNameWord(next, range, accepted) {
                end = next + 1
                continue
            }
            break
        }
        return end
    }

    func key(_ range: Range<Int>) -> String {
        range.map { section.normalised($0) }.joined(separator: " ")
    }

    // MARK: Splitting a run into mentions

    func split(run: Range<Int>, headline: Bool, into result: inout [Candidate]) {
        var first = run.lowerBound
        let last = run.upperBound
        if !headline, section.isSentenceInitial(first), !keepsInitialWord(first, run: run) {
            first += 1
        }
        while first < last, isDroppableLead(first, run: first..<last) { first += 1 }
        guard first < last else { return }
        let whole = typedFlags(first..<last)
        var titleBefore = previousWordIsTitle(first)
        if whole.isEmpty || whole == .person {
            let leadFlags = typedFlags(first..<(first + 1))
            // "Australian Tom Moody", "Mexican Ariel Cruz": a nationality before a person.
            let personFollows =
                last - first >= 3 && leadFlags.contains(.group) && !endsWithInstitutionWord(first..<last)
                && section.classes(first).isDisjoint(with: [.titleHead, .compassWord])
                && !flags(first + 1).isDisjoint(with: [.givenName, .properNoun])
            if let titleStart = innerTitleStart(first..<last) {
                // "U.S. Secretary of Defense Pete Hegseth", "Bank of England Governor Mervyn King":
                // what stands before the title is a name of its own.
                result.append(candidate(first..<titleStart, titleBefore: false))
                first = titleStart
            } else if personFollows {
                result.append(candidate(first..<(first + 1), titleBefore: false))
                first += 1
            }
            if !endsWithInstitutionWord(first..<last) {
                let title = titleLength(first..<last)
                if title.length > 0 {
                    first += title.length
                    titleBefore = title.personFollows
                }
            }
        }
        while first < last, isDroppableLead(first, run: first..<last) { first += 1 }
        guard first < last else { return }
        if last - first >= 2, typedFlags(first..<last).isEmpty, !endsWithInstitutionWord(first..<last) {
            // "Chicago NAPM", "NAPM Chicago": an acronym is its own name beside a plain word.
            if isAcronym(last - 1), !isAcronym(last - 2) {
                result.append(candidate(first..<(last - 1), titleBefore: titleBefore))
                first = last - 1
                titleBefore = false
            } else if isAcronym(first), !isAcronym(first + 1) {
                result.append(candidate(first..<(first + 1), titleBefore: false))
                first += 1
            }
        }
        result.append(candidate(first..<last, titleBefore: titleBefore))
    }

    /// All capitals, no periods, in a sentence that is not shouting ("NATO", not "U.S." or "JAPAN").
    func isAcronym(_ index: Int) -> Bool {
        let token = section.tokens[index]
        return token.shape.contains(.allCaps) && !token.shape.contains(.abbreviation)
            && !section.allCaps[token.sentence]
    }

    func candidate(_ range: Range<Int>, titleBefore: Bool) -> Candidate {
        let tokens = section.tokens
        let (key, wordCount) = section.nameKey(range)
        var candidate = Candidate(
            inTitle: section.inTitle, tokens: range, start: tokens[range.lowerBound].start,
            end: tokens[range.upperBound - 1].end, sentence: tokens[range.lowerBound].sentence,
            surface: section.text(from: tokens[range.lowerBound].start, to: tokens[range.upperBound - 1].end),
            key: key, wordCount: wordCount, titleBefore: titleBefore)
        candidate.dateline = isDateline(range)
        return candidate
    }

    /// "TOKYO, Japan" or "AL-AIN (Reuters) -": a capitalised place opening the text's paragraph.
    func isDateline(_ range: Range<Int>) -> Bool {
        guard !section.inTitle, range.upperBound < section.tokens.count,
            section.isSentenceInitial(range.lowerBound),
            range.allSatisfy({ section.tokens[$0].shape.contains(.allCaps) })
        else { return false }
        return section.isPunctuation(range.upperBound, SectionText.datelineEnds)
    }

    func typedFlags(_ range: Range<Int>) -> NameFlags { flags(range).intersection(.typed) }

    /// What the gazetteers know of the tokens' words joined as one name.
    @inline(__always)
    func flags(_ range: Range<Int>) -> NameFlags {
        section.nameFlags(range, gazetteer)
    }

    /// Keeps a capitalised sentence start only if it is a name: the gazetteers or the rest of the
    /// article say so, or it is not a dictionary word ("Hegseth" stays, "Despite" and "Last" go).
    func keepsInitialWord(_ index: Int, run: Range<Int>) -> Bool {
        let classes = section.classes(index)
        if classes.contains(.functionWord) { return false }
        if !classes.isDisjoint(with: [.titleHead, .titleModifier]) { return true }
        let flags = flags(index)
        let isCommon =
            isCommonWord(index) || writesLowercase(index)
            || section.withBareLowercased(index, gazetteer) { $0.isCommonWordVariant($1) }
        let nameFlags: NameFlags = isCommon ? [.country, .region, .water, .island, .organization, .group] : .typed
        if !flags.isDisjoint(with: nameFlags) { return true }
        if run.count >= 2, !typedFlags(run).isEmpty || endsWithInstitutionWord(run) { return true }
        // "Mike Conley ...", "C. Lewis ...": a given name or an initial before another name.
        if run.count >= 2, !flags.isDisjoint(with: [.givenName, .properNoun]) || isInitial(index) { return true }
        if writesCapitalised(index) { return true }
        return !isCommon
    }

    /// Where a title that a person's name follows starts inside a run, after at least one word
    /// that is no title word ("New York Attorney General Eliot Spitzer" -> 2).
    func innerTitleStart(_ range: Range<Int>) -> Int? {
        guard range.count >= 3 else { return nil }
        var sawName = false
        for start in range.dropLast(2) {
            let classes = section.classes(start)
            let isTitleWord = !classes.isDisjoint(with: [.titleHead, .titleModifier])
            if sawName, isTitleWord, !classes.contains(.of) {
                let title = titleLength(start..<range.upperBound)
                if title.length > 0, title.personFollows, start + title.length < range.upperBound {
                    return start
                }
            }
            if !isTitleWord && classes.isDisjoint(with: [.nameParticle, .of]) { sawName = true }
        }
        return nil
    }

    /// A single capital with its period ("J.").
    func isInitial(_ index: Int) -> Bool {
        let token = section.tokens[index]
        return token.shape.contains(.abbreviation) && token.shape.contains(.capitalised) && token.end - token.start == 2
    }

    /// Function words and months never start a name, unless the gazetteers list the whole ("The Hague").
    func isDroppableLead(_ index: Int, run: Range<Int>) -> Bool {
        let token = section.tokens[index]
        if token.kind != .word || !token.shape.contains(.capitalised) && !token.shape.contains(.allCaps) {
            return true
        }
        guard !section.classes(index).isDisjoint(with: [.functionWord, .month]) else { return false }
        return typedFlags(run).isEmpty
    }

    func endsWithInstitutionWord(_ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        return !section.classes(range.upperBound - 1).isDisjoint(with: [.organizationHead, .locationHead, .eventHead])
    }

    /// A lower-case title right before the name ("coach Bobby Robson", "said striker Ronaldo").
    func previousWordIsTitle(_ index: Int) -> Bool {
        let sentence = section.segmented.sentences[section.tokens[index].sentence]
        guard index > sentence.lowerBound else { return false }
        var previous = index - 1
        if section.isPunctuation(previous, SectionText.hyphen), previous > sentence.lowerBound { previous -= 1 }
        let token = section.tokens[previous]
        guard token.kind == .word, !token.shape.contains(.capitalised) else { return false }
        return section.classes(previous).contains(.titleHead)
    }

    /// How many words at the start of `range` are a person's title ("Defense Minister",
    /// "Secretary of State", "Lt. Gen."), and whether a name follows it (not so in "President of
    /// France", where a place does).
    func titleLength(_ range: Range<Int>) -> (length: Int, personFollows: Bool) {
        var index = range.lowerBound
        var headEnd = index
        var headSeen = false
        while index < range.upperBound {
            let classes = section.classes(index)
            if classes.contains(.titleHead), isTitleSpelling(index, classes) {
                headSeen = true
                index += 1
                headEnd = index
                continue
            }
            if classes.contains(.titleModifier) {
                index += 1
                continue
            }
            if classes.contains(.of) && headSeen {
                var next = index + 1
                if next < range.upperBound, section.classesKeepingPeriod(next).contains(.the) { next += 1 }
                let departmentStart = next
                while next < range.upperBound, isDepartmentWord(next) { next += 1 }
                if next == departmentStart { return (next - range.lowerBound, false) }
                return (next - range.lowerBound, true)
            }
            break
        }
        return headSeen ? (headEnd - range.lowerBound, true) : (0, false)
    }

    /// "Gen." is a title but "Gen" is a given name ("Gen Nakatani"); only the British forms of
    /// "Mr", "Mrs", "Ms" and "Dr" go without their period.
    func isTitleSpelling(_ index: Int, _ classes: WordClasses) -> Bool {
        guard classes.contains(.titleAbbreviation), !classes.contains(.titleWithoutPeriod) else {
            return true
        }
        return section.tokens[index].shape.contains(.abbreviation)
    }

    /// A word of a department's name in a title ("Defense", "State", "Foreign", "Affairs"): a
    /// dictionary word that is neither a given name nor a place.
    func isDepartmentWord(_ index: Int) -> Bool {
        guard flags(index).isDisjoint(with: NameFlags.location.union(.givenName)) else { return false }
        return isCommonWord(index)
    }
}
