extension EntityExtractor {
    /// Makes the article consistent: one type per name (the best-supported one), a surname or
    /// given name alone resolved to the full person name it abbreviates, and countries to their
    /// canonical name.
    func resolveAliases(_ candidates: inout [Candidate]) {
        var best: [String: (type: EntityType, strength: Int, count: Int)] = [:]
        for candidate in candidates {
            let key = candidate.key
            if let current = best[key] {
                if candidate.strength > current.strength {
                    best[key] = (candidate.type, candidate.strength, 1)
                } else if candidate.strength == current.strength, candidate.type == current.type {
                    best[key] = (current.type, current.strength, current.count + 1)
                }
            } else {
                best[key] = (candidate.type, candidate.strength, 1)
            }
        }
        for index in candidates.indices {
            if let chosen = best[candidates[index].key], chosen.strength > candidates[index].strength {
                candidates[index].type = chosen.type
                candidates[index].strength = chosen.strength
            }
        }

        // Full person names by each of their words, longest (then most frequent) first.
        var fullNames: [String: (name: String, words: Int, count: Int)] = [:]
        for candidate in candidates where candidate.type == .person && candidate.words.count >= 2 {
            let name = candidate.key
            for word in candidate.words where word.count > 1 {
                if let current = fullNames[word], current.name != name {
                    if candidate.words.count > current.words {
                        fullNames[word] = (name, candidate.words.count, 1)
                    }
                } else {
                    fullNames[word] = (name, candidate.words.count, (fullNames[word]?.count ?? 0) + 1)
                }
            }
        }
        for index in candidates.indices {
            var candidate = candidates[index]
            candidate.name = gazetteer.countryAliases[candidate.key] ?? candidate.key
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
