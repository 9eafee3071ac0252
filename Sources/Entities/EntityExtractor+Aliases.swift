extension EntityExtractor {
    /// Makes the article consistent: one type per name (the best-supported one), a surname or
    /// given name alone resolved to the full person name it abbreviates, and countries to their
    /// canonical name. Returns per candidate the number of its name among the article's distinct
    /// names (first seen first), or -1 where candidates that wrote a name alike resolved it to
    /// different names (as they never do: what decides a name is the same for all of them).
    func resolveAliases(_ candidates: inout [Candidate]) -> [Int] {
        // Each distinct name numbered once, so that what is kept per name is an array slot
        // rather than a dictionary look-up of its `String` at every step.
        // The candidates read in place: a loop variable copied each `Candidate`, a retain and
        // release per string.
        var numbers = NameNumbers(capacity: candidates.count)
        var nameNumber: [Int] = []
        nameNumber.reserveCapacity(candidates.count)
        for index in candidates.indices {
            nameNumber.append(numbers.number(of: candidates[index].key))
        }

        // Votes at the highest strength seen for each name; the most voted type wins, ties going
        // to the type seen first.
        var votes = [(strength: Int, types: [(type: EntityType, count: Int)])](
            repeating: (-1, []), count: numbers.count)
        for index in candidates.indices {
            let number = nameNumber[index]
            let (strength, type) = (candidates[index].strength, candidates[index].type)
            if votes[number].strength < 0 { votes[number].strength = strength }
            if strength > votes[number].strength { votes[number] = (strength, []) }
            if strength == votes[number].strength {
                if let slot = votes[number].types.firstIndex(where: { $0.type == type }) {
                    votes[number].types[slot].count += 1
                } else {
                    votes[number].types.append((type, 1))
                }
            }
        }
        for index in candidates.indices {
            let entry = votes[nameNumber[index]]
            guard var winner = entry.types.first else { continue }
            for vote in entry.types where vote.count > winner.count { winner = vote }
            candidates[index].type = winner.type
            candidates[index].strength = entry.strength
        }

        // Full person names by each of their words, longest (then most frequent) first.
        var fullNames: [String: (name: String, words: Int, count: Int)] = [:]
        for index in candidates.indices where candidates[index].type == .person && candidates[index].wordCount >= 2 {
            let name = candidates[index].key
            let words = candidates[index].words
            for word in words where word.utf8.count > 1 {
                if let current = fullNames[word], current.name != name {
                    if words.count > current.words {
                        fullNames[word] = (name, words.count, 1)
                    }
                } else {
                    fullNames[word] = (name, words.count, (fullNames[word]?.count ?? 0) + 1)
                }
            }
        }
        // Organisations by their first word ("Lehman" for "Lehman Brothers"), when that word is
        // no dictionary word and only one organisation of the article starts with it.
        var organizations: [String: String?] = [:]
        for index in candidates.indices
        where candidates[index].type == .organization && candidates[index].wordCount >= 2 {
            let first = candidates[index].firstWord
            guard !gazetteer.isCommonWord(first.lowercased()) else { continue }
            if let existing = organizations[first], existing != candidates[index].key {
                organizations[first] = .some(nil)
            } else {
                organizations[first] = candidates[index].key
            }
        }
        var countryNames = [String??](repeating: nil, count: numbers.count)
        for index in candidates.indices {
            let number = nameNumber[index]
            if countryNames[number] == nil {
                countryNames[number] = .some(gazetteer.countryAlias(candidates[index].key))
            }
            resolve(&candidates[index], countryName: countryNames[number]!, organizations, fullNames)
        }

        // A number stands for a final name only if all its candidates resolved to the same one.
        var firstOfNumber = [Int](repeating: -1, count: numbers.count)
        for index in candidates.indices {
            let number = nameNumber[index]
            if firstOfNumber[number] < 0 {
                firstOfNumber[number] = index
            } else if firstOfNumber[number] < candidates.count,
                candidates[firstOfNumber[number]].name != candidates[index].name
            {
                firstOfNumber[number] = candidates.count
            }
        }
        return nameNumber.map { firstOfNumber[$0] < candidates.count ? $0 : -1 }
    }

    /// The name and type of one candidate: a country's canonical name, the organisation its one
    /// word starts, or the full person name its last or only word ends.
    private func resolve(
        _ candidate: inout Candidate, countryName: String?, _ organizations: [String: String?],
        _ fullNames: [String: (name: String, words: Int, count: Int)]
    ) {
        candidate.name = countryName ?? candidate.key
        if candidate.wordCount == 1, candidate.strength < 3, candidate.type != .person || candidate.strength < 2,
            !organizations.isEmpty, let organization = organizations[candidate.key] ?? nil
        {
            candidate.type = .organization
            candidate.name = organization
            return
        }
        if candidate.wordCount <= 2, candidate.type == .person || candidate.strength < 3,
            !fullNames.isEmpty, let full = fullNames[candidate.lastWord], full.words > candidate.wordCount
        {
            candidate.type = .person
            candidate.name = full.name
        } else if candidate.wordCount == 1, candidate.strength < 3, !fullNames.isEmpty,
            let full = fullNames[candidate.key],
            full.words > 1
        {
            candidate.type = .person
            candidate.name = full.name
        }
    }
}
