extension EntityExtractor {
    /// Makes the article consistent: one type per name (the best-supported one), a surname or
    /// given name alone resolved to the full person name it abbreviates, and countries to their
    /// canonical name.
    func resolveAliases(_ candidates: inout [Candidate]) {
        // Votes at the highest strength seen for each name; the most voted type wins, ties going
        // to the type seen first.
        var votes: [String: (strength: Int, types: [(type: EntityType, count: Int)])] = [:]
        for candidate in candidates {
            let key = candidate.key
            var entry = votes[key] ?? (candidate.strength, [])
            if candidate.strength > entry.strength { entry = (candidate.strength, []) }
            if candidate.strength == entry.strength {
                if let slot = entry.types.firstIndex(where: { $0.type == candidate.type }) {
                    entry.types[slot].count += 1
                } else {
                    entry.types.append((candidate.type, 1))
                }
            }
            votes[key] = entry
        }
        for index in candidates.indices {
            guard let entry = votes[candidates[index].key], var winner = entry.types.first else { continue }
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
        for index in candidates.indices {
            var candidate = candidates[index]
            candidate.name = gazetteer.countryAliases[candidate.key] ?? candidate.key
            if candidate.words.count == 1, candidate.strength < 3, candidate.type != .person || candidate.strength < 2,
                let organization = organizations[candidate.key] ?? nil
            {
                candidate.type = .organization
                candidate.name = organization
                candidates[index] = candidate
                continue
            }
            if candidate.words.count <= 2, candidate.type == .person || candidate.strength < 3,
                let lastWord = candidate.words.last, let full = fullNames[lastWord], full.words > candidate.words.count
            {
                candidate.type = .person
                candidate.name = full.name
            } else if candidate.words.count == 1, candidate.strength < 3, let full = fullNames[candidate.key],
                full.words > 1
            {
                candidate.type = .person
                candidate.name = full.name
            }
            candidates[index] = candidate
        }
    }
}
