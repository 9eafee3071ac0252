/// A completion for search-as-you-type.
public struct Suggestion: Sendable, Hashable {
    public var text: String
    /// Document frequency for corpus words, the caller's weight for added entries.
    public var weight: Int
}

extension SearchIndex {
    /// Completions of the last word of `prefix` from the corpus vocabulary (shown in their most
    /// frequent surface form, ranked by document frequency) merged with the caller's added entries
    /// that start with the whole prefix; highest weight first, then alphabetical.
    public func suggest(prefix: String, limit: Int = 10) -> [Suggestion] {
        let folded = prefix.lowercased().drop { $0.isWhitespace }
        guard !folded.isEmpty, limit > 0 else { return [] }
        var results: [String: Int] = [:]
        let lastSpace = folded.lastIndex(where: \.isWhitespace)
        let lead = lastSpace.map { String(folded[...$0]) } ?? ""
        let word = String(lastSpace.map { folded[folded.index(after: $0)...] } ?? folded[...])
        if !word.isEmpty {
            var bestSurface: [Int32: Int] = [:]
            for index in vocabulary.range(withPrefix: word) {
                let term = vocabulary.surfaceTerms[index]
                if let current = bestSurface[term], vocabulary.surfaceCounts[current] >= vocabulary.surfaceCounts[index]
                {
                    continue
                }
                bestSurface[term] = index
            }
            for (term, index) in bestSurface {
                let text = lead + vocabulary.surfaces[index]
                results[text] = max(results[text] ?? 0, Int(postings.documentFrequencies[Int(term)]))
            }
        }
        let entries = TermDictionary.prefixRange(String(folded), in: suggestions.map(\.folded))
        for entry in suggestions[entries] { results[entry.text] = max(results[entry.text] ?? 0, entry.weight) }
        return results.map { Suggestion(text: $0.key, weight: $0.value) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.text < $1.text }
            .prefix(limit).map { $0 }
    }
}
