extension EntityExtractor {
    /// Makes the article consistent: one type per name (the best-supported one), a surname or
    /// given name alone resolved to the full person name it abbreviates, and countries to their
    /// canonical name.
    func resolveAliases(_ candidates: inout [Candidate]) {
        // Each distinct name numbered once, so that what is kept per name is an array slot
        // rather than a dictionary look-up of its `String` at every step.
        var numbers: [String: Int] = [:]
        var nameNumber: [Int] = []
        nameNumber.reserveCapacity(candidates.count)
        for candidate in candidates {
            let next = numbers.count
            nameNumber.append(Self.number(&numbers[candidate.key], next: next))
        }

        // Votes at the highest strength seen for each name; the most voted type wins, ties going
        // to the type seen first.
        var votes = [(strength: Int, types: [(type: EntityType, count: Int)])](
            repeating: (-1, []), count: numbers.count)
        for (index, candidate) in candidates.enumerated() {
            let number = nameNumber[index]
            if votes[number].strength < 0 { votes[number].strength = candidate.strength }
            if candidate.strength > votes[number].strength { votes[number] = (candidate.strength, []) }
            if candidate.strength == votes[number].strength {
                if let slot = votes[number].types.firstIndex(where: { $0.type == candidate.type }) {
                    votes[number].types[slot].count += 1
                } else {
                    votes[number].types.append((candidate.type, 1))
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
        for candidate in candidates where candidate.type == .person && candidate.words.count >= 2 {
            let name = candidate.key
            for word in candidate.words where word.utf8.count > 1 {
                if let current = fullNames[word], current.name != name {
                    if candidate.words.count > current.words {
                        fullNames[word] = (name, candidate.words.count, 1)
                    }
                } else {
                    fullNames[word] = (name, candidate.words.count, (fullNames[word]?.count ?? 0) + 1)
                }
            }
        }
        // Organisations by their first word ("Lehman" for "Lehman Brothers"), when that word is
        // no dictionary word and only one organisation of the article starts with it.
        var organizations: [String: String?] = [:]
        for candidate in candidates where candidate.type == .organization && candidate.words.count >= 2 {
            let first = candidate.words[0]
            guard !gazetteer.isCommonWord(first.lowercased()) else { continue }
            if let existing = organizations[first], existing != candidate.key {
                organizations[first] = .some(nil)
            } else {
                organizations[first] = candidate.key
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
    }

    /// The name and type of one candidate: a country's canonical name, the organisation its one
    /// word starts, or the full person name its last or only word ends.
    private func resolve(
        _ candidate: inout Candidate, countryName: String?, _ organizations: [String: String?],
        _ fullNames: [String: (name: String, words: Int, count: Int)]
    ) {
        candidate.name = countryName ?? candidate.key
        if candidate.words.count == 1, candidate.strength < 3, candidate.type != .person || candidate.strength < 2,
            !organizations.isEmpty, let organization = organizations[candidate.key] ?? nil
        {
            candidate.type = .organization
            candidate.name = organization
            return
        }
        if candidate.words.count <= 2, candidate.type == .person || candidate.strength < 3,
            !fullNames.isEmpty, let lastWord = candidate.words.last, let full = fullNames[lastWord],
            full.words > candidate.words.count
        {
            candidate.type = .person
            candidate.name = full.name
        } else if candidate.words.count == 1, candidate.strength < 3, !fullNames.isEmpty,
            let full = fullNames[candidate.key],
            full.words > 1
        {
            candidate.type = .person
            candidate.name = full.name
        }
    }

    /// The number of a name: the one it has, or `next` given to it now (one dictionary access).
    private static func number(_ slot: inout Int?, next: Int) -> Int {
        if let number = slot { return number }
        slot = next
        return next
    }
}
