/// A positive leaf of an evaluated query (a word, phrase, prefix, keyword term), kept so each hit can
/// list the query terms it matched and the highlighter knows which indexed terms to mark.
struct MatchedLeaf {
    var label: String
    var docs: [Int32]
    var terms: [Int32]
    /// For a quoted phrase, the folded form each of `terms` must have (its words as typed); nil
    /// marks any form of the terms.
    var forms: [String]? = nil
    /// Set when the leaf is the whole query: every match is one of its documents and `docs` is
    /// left empty rather than listing them.
    var isEveryMatch = false

    func contains(_ doc: Int32) -> Bool { isEveryMatch || SearchIndex.sortedContains(docs, doc) }
}

extension SearchIndex {
    /// Scores of the fuzzy expansions of a word relative to the word itself, so exact spellings win.
    static let fuzzyBoost: Float = 0.8

    /// Evaluates a parsed query: matches in document order with BM25F scores, and its positive leaves.
    /// A query whose words all analyse to nothing (only stop words, say) matches nothing.
    func evaluate(_ node: QueryNode) -> (matches: ScoredDocuments, leaves: [MatchedLeaf]) {
        var leaves: [MatchedLeaf] = []
        let matches = evaluate(node, positive: true, leaves: &leaves) ?? ScoredDocuments()
        return (matches, leaves)
    }

    /// nil means neutral: the node analysed to no term and constrains nothing.
    private func evaluate(_ node: QueryNode, positive: Bool, leaves: inout [MatchedLeaf]) -> ScoredDocuments? {
        switch node {
        case .word(let text, let field, let prefix, let fuzziness):
            let fields = fieldIndexes(field)
            let result: ScoredDocuments?
            let terms: [Int32]
            if prefix {
                terms = prefixTerms(text)
                result = ScoredDocuments.union(
                    terms.map { scoreTerm($0, fields: fields) }, combine: .max, documentCount: documentCount)
            } else if fuzziness > 0 {
                let exact = analyzer.term(text).flatMap { dictionary.id(of: $0) }
                terms = fuzzyTerms(text, distance: fuzziness, including: exact)
                result = ScoredDocuments.union(
                    terms.map { scoreTerm($0, fields: fields, boost: $0 == exact ? 1 : Self.fuzzyBoost) },
                    combine: .max, documentCount: documentCount)
            } else {
                let tokens = analyzer.tokens(text)
                if tokens.isEmpty { return nil }
                let ids = tokens.map { dictionary.id(of: $0.term) }
                terms = ids.compactMap { $0 }
                if terms.count < ids.count {
                    result = ScoredDocuments()
                } else {
                    result = Self.intersectAll(Array(Set(terms)).map { scoreTerm($0, fields: fields) })
                }
            }
            let matches = result ?? ScoredDocuments()
            if positive {
                leaves.append(MatchedLeaf(label: text + (prefix ? "*" : ""), docs: matches.docs, terms: terms))
            }
            return matches
        case .phrase(let words, let field):
            guard let phrase = exactPhrase(words, fields: fieldIndexes(field)) else { return nil }
            if positive {
                leaves.append(
                    MatchedLeaf(
                        label: "\"" + words.joined(separator: " ") + "\"", docs: phrase.matches.docs,
                        terms: phrase.terms,
                        forms: phrase.forms))
            }
            return phrase.matches
        case .keyword(let field, let value):
            guard let column = schema.keywordFieldIndex(field).map({ keywordColumns[$0] }) else {
                return ScoredDocuments()
            }
            let docs = column.documents(matching: value)
            if positive { leaves.append(MatchedLeaf(label: "\(field):\(value)", docs: docs, terms: [])) }
            return ScoredDocuments(docs: docs, scores: Array(repeating: 0, count: docs.count))
        case .and(let children):
            var required: [ScoredDocuments] = []
            var excluded: [ScoredDocuments] = []
            for child in children {
                if case .not(let inner) = child {
                    if let result = evaluate(inner, positive: !positive, leaves: &leaves) { excluded.append(result) }
                } else if let result = evaluate(child, positive: positive, leaves: &leaves) {
                    required.append(result)
                }
            }
            if required.isEmpty && excluded.isEmpty { return nil }
            var result = Self.intersectAll(required) ?? ScoredDocuments.all(documentCount)
            for exclusion in excluded { result = ScoredDocuments.difference(result, exclusion) }
            return result
        case .or(let children):
            let results = children.compactMap { evaluate($0, positive: positive, leaves: &leaves) }
            if results.isEmpty { return nil }
            return ScoredDocuments.union(results, combine: .sum, documentCount: documentCount)
        case .not(let inner):
            guard let result = evaluate(inner, positive: !positive, leaves: &leaves) else { return nil }
            return ScoredDocuments.difference(ScoredDocuments.all(documentCount), result)
        }
    }

    /// Intersects the smallest lists first; nil for no lists.
    private static func intersectAll(_ lists: [ScoredDocuments]) -> ScoredDocuments? {
        let sorted = lists.sorted { $0.count < $1.count }
        guard var result = sorted.first else { return nil }
        for list in sorted.dropFirst() { result = ScoredDocuments.intersection(result, list) }
        return result
    }

    func fieldIndexes(_ field: String?) -> [Int] {
        if let field, let index = schema.textFieldIndex(field) { return [index] }
        return Array(schema.textFields.indices)
    }

    /// BM25F of one term over `fields`: per document, tf' = sum over fields of tf * weight / (1 - b +
    /// b * length / average length), and the score is idf * tf' / (tf' + k1).
    func scoreTerm(_ term: Int32, fields: [Int], boost: Float = 1) -> ScoredDocuments {
        let frequency = Int(postings.documentFrequencies[Int(term)])
        var scores: [Float] = []
        let docs = [Int32](unsafeUninitializedCapacity: frequency) { docs, docCount in
            scores = [Float](unsafeUninitializedCapacity: frequency) { scores, scoreCount in
                var count = 0
                forEachScoredPosting(of: term, fields: fields, boost: boost) { doc, score in
                    docs[count] = doc
                    scores[count] = score
                    count += 1
                }
                scoreCount = count
            }
            docCount = scores.count
        }
        return ScoredDocuments(docs: docs, scores: scores)
    }

    /// The hot loop of every query: decodes one term's postings and hands each document holding it
    /// in `fields`, ascending, to `body` with its BM25F score (see `scoreTerm`). Inlined, so a
    /// caller's `body` runs inside the decoding loop with nothing stored in between.
    @inline(__always)
    func forEachScoredPosting(of term: Int32, fields: [Int], boost: Float, _ body: (Int32, Float) -> Void) {
        let frequency = Int(postings.documentFrequencies[Int(term)])
        let idf = BM25Parameters.idf(documentCount: documentCount, documentFrequency: frequency) * boost
        let k1 = parameters.k1
        let fieldCount = schema.textFields.count
        var selected = [Bool](repeating: false, count: fieldCount)
        for field in fields { selected[field] = true }
        let range = postings.documentStarts[Int(term)]..<postings.documentStarts[Int(term) + 1]
        postings.documents.withUnsafeBufferPointer { bytes in
            norms.withUnsafeBufferPointer { norms in
                selected.withUnsafeBufferPointer { selected in
                    var offset = range.lowerBound
                    var doc: Int32 = 0
                    while offset < range.upperBound {
                        doc &+= Int32(bitPattern: VarInt.read(bytes, &offset))
                        let base = Int(doc) &* fieldCount
                        var weighted: Float = 0
                        let code = bytes[offset]
                        offset &+= 1
                        if code != FrequencyCode.escape {
                            for field in 0..<fieldCount where selected[field] {
                                let frequency = FrequencyCode.frequency(
                                    UInt32(code), field: field, fieldCount: fieldCount)
                                weighted += Float(frequency) * norms[base &+ field]
                            }
                        } else {
                            for field in 0..<fieldCount {
                                let frequency = VarInt.read(bytes, &offset)
                                if selected[field] { weighted += Float(frequency) * norms[base &+ field] }
                            }
                        }
                        if weighted > 0 { body(doc, idf * weighted / (weighted + k1)) }
                    }
                }
            }
        }
    }

    /// The one term a query node stands for, when it is a plain word (no prefix, no typo tolerance)
    /// analysing to a single indexed term: such a query is scored and collected in one pass.
    func singleTerm(_ node: QueryNode) -> (term: Int32, fields: [Int], leaf: MatchedLeaf)? {
        guard case .word(let text, let field, false, 0) = node else { return nil }
        let ids = analyzer.tokens(text).map { dictionary.id(of: $0.term) }
        guard let first = ids.first, let term = first, ids.allSatisfy({ $0 == term }) else { return nil }
        return (
            term, fieldIndexes(field),
            MatchedLeaf(label: text, docs: [], terms: ids.map { _ in term }, isEveryMatch: true)
        )
    }

    /// Terms whose surface form or stem starts with the folded prefix.
    func prefixTerms(_ prefix: String) -> [Int32] {
        let folded = prefix.lowercased()
        var terms = Set<Int32>()
        for index in vocabulary.range(withPrefix: folded) { terms.insert(vocabulary.surfaceTerms[index]) }
        for id in dictionary.range(withPrefix: folded) { terms.insert(Int32(id)) }
        return terms.sorted()
    }

    /// Terms with a surface form within `distance` edits of the word, plus `exact` when present.
    func fuzzyTerms(_ word: String, distance: Int, including exact: Int32?) -> [Int32] {
        var matcher = Levenshtein(word.lowercased(), limit: distance)
        var terms = Set<Int32>()
        if let exact { terms.insert(exact) }
        for (index, surface) in vocabulary.surfaces.enumerated() where matcher.distance(to: surface) != nil {
            terms.insert(vocabulary.surfaceTerms[index])
        }
        return terms.sorted()
    }
}
