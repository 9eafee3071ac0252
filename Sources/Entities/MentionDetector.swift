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

    func candidates() -> [Candidate] {
        var result: [Candidate] = []
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
        return result
    }

    // MARK: Words

    func isNameWord(_ index: Int, _ sentence: Range<Int>, _ accepted: [Bool]) -> Bool {
        let token = section.tokens[index]
        guard token.kind == .word else { return false }
        if !accepted.isEmpty { return accepted[index - sentence.lowerBound] }
        guard token.shape.contains(.capitalised) else { return false }
        let lower = section.bareLowercased(index)
        return !ContextWords.months.contains(lower) && !isContraction(lower)
    }

    /// "I'm", "We're", "Don't": a function word with a clitic is no name.
    func isContraction(_ lower: String) -> Bool {
        guard lower.utf8.contains(where: { $0 == 0x27 || $0 == 0xE2 }) else { return false }
        guard let apostrophe = lower.firstIndex(where: { $0 == "'" || $0 == "’" }) else { return false }
        let head = String(lower[..<apostrophe])
        return ContextWords.functionWords.contains(head)
            || gazetteer.isCommonWord(lower.replacingOccurrences(of: "’", with: "'"))
    }

    /// In a headline every word is capitalised, so a word counts as a name only when the article
    /// writes it capitalised elsewhere, a gazetteer knows it, or it is no dictionary word at all.
    func acceptedHeadlineWords(_ range: Range<Int>) -> [Bool] {
        let words = range.map { section.tokens[$0].kind == .word ? section.normalised($0) : "" }
        var accepted = [Bool](repeating: false, count: range.count)
        var offset = 0
        while offset < words.count {
            if let length = gazetteerMatch(at: offset, in: words) {
                for covered in offset..<(offset + length) { accepted[covered] = true }
                offset += length
                continue
            }
            accepted[offset] = acceptsHeadlineWord(range.lowerBound + offset)
            offset += 1
        }
        return accepted
    }

    /// The length of the longest multi-word gazetteer name (up to five words) starting at
    /// `offset` of a sentence's words (empty strings for punctuation), if any.
    func gazetteerMatch(at offset: Int, in words: [String]) -> Int? {
        var keys: [String] = []
        var key = ""
        var end = offset
        while end < words.count, end - offset < 5, !words[end].isEmpty {
            key = key.isEmpty ? words[end] : "\(key) \(words[end])"
            keys.append(key)
            end += 1
        }
        guard keys.count >= 2 else { return nil }
        for length in stride(from: keys.count, through: 2, by: -1)
        where !gazetteer.flags(keys[length - 1]).isDisjoint(with: .typed) {
            return length
        }
        return nil
    }

    func acceptsHeadlineWord(_ index: Int) -> Bool {
        let token = section.tokens[index]
        guard token.kind == .word, token.shape.contains(.capitalised) else { return false }
        let word = section.normalised(index)
        let lower = section.bareLowercased(index)
        if ContextWords.functionWords.contains(lower) || ContextWords.months.contains(lower) { return false }
        if evidence.writesCapitalised(word) { return true }
        if token.shape.contains(.allCaps) && !section.allCaps[token.sentence] { return true }
        let flags = gazetteer.flags(word)
        if gazetteer.isCommonWord(lower) || evidence.writesLowercase(lower) {
            if !flags.isDisjoint(with: [.country, .person, .organization, .group, .region, .water, .island]) {
                return true
            }
            // "Mike Conley": a given name before a word that is no dictionary word.
            let next = index + 1
            guard !flags.isDisjoint(with: [.givenName, .properNoun]), next < section.tokens.count,
                section.tokens[next].kind == .word, section.tokens[next].sentence == token.sentence
            else { return false }
            return !gazetteer.isCommonWord(section.bareLowercased(next))
        }
        return true
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
                ContextWords.organizationHeads.contains(section.bareLowercased(next))
            {
                // "Harwick Dockworkers' Union", "Workers' Party": the apostrophe stays inside.
                end = next + 1
                continue
            }
            guard next < range.upperBound, token.start == section.tokens[end - 1].end + 1 else { break }
            let lower = section.lowercased(end)
            if token.kind == .word && !token.shape.contains(.capitalised) {
                let soFar = key(start..<end)
                if lower == "of" || lower == "for",
                    MentionDetector.ofJoiners.contains(section.bareLowercased(end - 1))
                        || gazetteer.connectorPrefixes.contains("\(soFar) \(lower)")
                {
                    var after = next
                    if after < range.upperBound, section.lowercased(after) == "the" { after += 1 }
                    if after < range.upperBound, isNameWord(after, range, accepted) {
                        end = after + 1
                        continue
                    }
                } else if ContextWords.nameParticles.contains(lower), isNameWord(next, range, accepted) {
                    end = next + 1
                    continue
                } else if lower == "and", gazetteer.connectorPrefixes.contains("\(soFar) and"),
                    isNameWord(next, range, accepted)
                {
                    end = next + 1
                    continue
                }
            } else if lower == "&", isNameWord(next, range, accepted) {
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
                && !ContextWords.titleHeads.contains(section.bareLowercased(first))
                && !ContextWords.compassWords.contains(section.bareLowercased(first))
                && !gazetteer.flags(section.normalised(first + 1)).isDisjoint(with: [.givenName, .properNoun])
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
        var candidate = Candidate(
            inTitle: section.inTitle, tokens: range, start: tokens[range.lowerBound].start,
            end: tokens[range.upperBound - 1].end, sentence: tokens[range.lowerBound].sentence,
            surface: section.text(from: tokens[range.lowerBound].start, to: tokens[range.upperBound - 1].end),
            words: words(range), titleBefore: titleBefore)
        candidate.dateline = isDateline(range)
        return candidate
    }

    /// The words of a name, a plural possessive's apostrophe kept on its word ("Dockworkers'").
    func words(_ range: Range<Int>) -> [String] {
        var words: [String] = []
        for index in range {
            if section.isPluralPossessive(index), let last = words.popLast() {
                words.append(last + section.text(index))
            } else {
                words.append(section.normalised(index))
            }
        }
        return words
    }

    /// "TOKYO, Japan" or "AL-AIN (Reuters) -": a capitalised place opening the text's paragraph.
    func isDateline(_ range: Range<Int>) -> Bool {
        guard !section.inTitle, range.upperBound < section.tokens.count,
            section.isSentenceInitial(range.lowerBound),
            range.allSatisfy({ section.tokens[$0].shape.contains(.allCaps) })
        else { return false }
        return section.isPunctuation(range.upperBound, [",", "(", "-", "—", "–"])
    }

    func typedFlags(_ range: Range<Int>) -> NameFlags {
        let flags = gazetteer.flags(key(range))
        return flags.intersection(.typed)
    }

    /// Keeps a capitalised sentence start only if it is a name: the gazetteers or the rest of the
    /// article say so, or it is not a dictionary word ("Hegseth" stays, "Despite" and "Last" go).
    func keepsInitialWord(_ index: Int, run: Range<Int>) -> Bool {
        let word = section.normalised(index)
        let lower = section.bareLowercased(index)
        if ContextWords.functionWords.contains(lower) { return false }
        if ContextWords.titleHeads.contains(lower) || ContextWords.titleModifiers.contains(lower) { return true }
        let flags = gazetteer.flags(word)
        let isCommon =
            gazetteer.isCommonWord(lower) || evidence.writesLowercase(lower) || gazetteer.isCommonWordVariant(lower)
        let nameFlags: NameFlags = isCommon ? [.country, .region, .water, .island, .organization, .group] : .typed
        if !flags.isDisjoint(with: nameFlags) { return true }
        if run.count >= 2, !typedFlags(run).isEmpty || endsWithInstitutionWord(run) { return true }
        // "Mike Conley ...", "C. Lewis ...": a given name or an initial before another name.
        if run.count >= 2, !flags.isDisjoint(with: [.givenName, .properNoun]) || isInitial(index) { return true }
        if evidence.writesCapitalised(word) { return true }
        return !isCommon
    }

    /// Where a title that a person's name follows starts inside a run, after at least one word
    /// that is no title word ("New York Attorney General Eliot Spitzer" -> 2).
    func innerTitleStart(_ range: Range<Int>) -> Int? {
        guard range.count >= 3 else { return nil }
        var sawName = false
        for start in range.dropLast(2) {
            let lower = section.bareLowercased(start)
            let isTitleWord = ContextWords.titleHeads.contains(lower) || ContextWords.titleModifiers.contains(lower)
            if sawName, isTitleWord, lower != "of" {
                let title = titleLength(start..<range.upperBound)
                if title.length > 0, title.personFollows, start + title.length < range.upperBound {
                    return start
                }
            }
            if !isTitleWord && !ContextWords.nameParticles.contains(lower) && lower != "of" { sawName = true }
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
        let lower = section.bareLowercased(index)
        let token = section.tokens[index]
        if token.kind != .word || !token.shape.contains(.capitalised) && !token.shape.contains(.allCaps) {
            return true
        }
        guard ContextWords.functionWords.contains(lower) || ContextWords.months.contains(lower) else { return false }
        return typedFlags(run).isEmpty
    }

    func endsWithInstitutionWord(_ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        let last = section.bareLowercased(range.upperBound - 1)
        return ContextWords.organizationHeads.contains(last) || ContextWords.locationHeads.contains(last)
            || ContextWords.eventHeads.contains(last)
    }

    /// A lower-case title right before the name ("coach Bobby Robson", "said striker Ronaldo").
    func previousWordIsTitle(_ index: Int) -> Bool {
        let sentence = section.segmented.sentences[section.tokens[index].sentence]
        guard index > sentence.lowerBound else { return false }
        var previous = index - 1
        if section.isPunctuation(previous, ["-"]), previous > sentence.lowerBound { previous -= 1 }
        let token = section.tokens[previous]
        guard token.kind == .word, !token.shape.contains(.capitalised) else { return false }
        return ContextWords.titleHeads.contains(section.bareLowercased(previous))
    }

    /// How many words at the start of `range` are a person's title ("Defense Minister",
    /// "Secretary of State", "Lt. Gen."), and whether a name follows it (not so in "President of
    /// France", where a place does).
    func titleLength(_ range: Range<Int>) -> (length: Int, personFollows: Bool) {
        var index = range.lowerBound
        var headEnd = index
        var headSeen = false
        while index < range.upperBound {
            let lower = section.bareLowercased(index)
            if ContextWords.titleHeads.contains(lower), isTitleSpelling(index, lower) {
                headSeen = true
                index += 1
                headEnd = index
                continue
            }
            if ContextWords.titleModifiers.contains(lower) {
                index += 1
                continue
            }
            if lower == "of" && headSeen {
                var next = index + 1
                if next < range.upperBound, section.lowercased(next) == "the" { next += 1 }
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
    func isTitleSpelling(_ index: Int, _ lower: String) -> Bool {
        guard ContextWords.titleAbbreviations.contains(lower), !["mr", "mrs", "ms", "dr"].contains(lower) else {
            return true
        }
        return section.tokens[index].shape.contains(.abbreviation)
    }

    /// A word of a department's name in a title ("Defense", "State", "Foreign", "Affairs"): a
    /// dictionary word that is neither a given name nor a place.
    func isDepartmentWord(_ index: Int) -> Bool {
        let flags = gazetteer.flags(section.normalised(index))
        guard flags.isDisjoint(with: NameFlags.location.union(.givenName)) else { return false }
        return gazetteer.isCommonWord(section.bareLowercased(index))
    }
}
