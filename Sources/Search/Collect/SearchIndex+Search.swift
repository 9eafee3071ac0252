extension SearchIndex {
    public static let maximumLimit = 1000
    public static let maximumOffset = 100_000

    /// Parses and runs a query: filters, disjunctive facets, near-duplicate collapsing, an exact total,
    /// top-k by the sort order after an optional cursor, then snippets for the page's hits.
    public func search(_ request: SearchRequest) throws(SearchIndexError) -> SearchResults {
        guard (0...Self.maximumLimit).contains(request.limit) else { throw .invalidLimit(request.limit) }
        guard (0...Self.maximumOffset).contains(request.offset) else { throw .invalidOffset(request.offset) }
        var cursor: SearchCursor?
        if let text = request.cursor {
            guard let parsed = SearchCursor(text, sort: request.sort, documentCount: documentCount) else {
                throw .invalidCursor
            }
            cursor = parsed
        }
        let filters = try keywordFilters(request.filters)
        let facetFields = try request.facets.map { name throws(SearchIndexError) in
            guard let index = schema.keywordFieldIndex(name.lowercased()) else { throw .unknownField(name) }
            return index
        }
        let node: QueryNode
        do {
            node = try parser.parse(request.query, match: request.match)
        } catch {
            throw .query(error)
        }
        func collector() -> MatchCollector {
            MatchCollector(index: self, request: request, filters: filters, facetFields: facetFields, cursor: cursor)
        }
        var collected = collector()
        var leaves: [MatchedLeaf]
        if let single = singleTerm(node) {
            leaves = [single.leaf]
            collected.presetTallies(term: single.term, fields: single.fields, index: self)
            collected.run(over: self) { pass in
                pass.collectPostings(of: single.term, fields: single.fields, index: self)
            }
        } else {
            let evaluation = evaluate(node)
            leaves = evaluation.leaves
            collected.run(over: self) { pass in Self.feed(evaluation.matches, to: &pass) }
        }
        var typoApplied = false
        if collected.matched == 0, request.typoTolerance, let tolerant = Self.typoTolerant(node) {
            let evaluation = evaluate(tolerant)
            leaves = evaluation.leaves
            collected = collector()
            collected.run(over: self) { pass in Self.feed(evaluation.matches, to: &pass) }
            typoApplied = collected.matched > 0
        }

        let k = request.offset + request.limit
        let page = collected.state.heap.sorted().dropFirst(request.offset)
        var highlighter = request.snippets.map { Highlighter(index: self, leaves: leaves, options: $0) }
        let hits = page.map { entry in
            SearchHit(
                doc: Int(entry.doc), score: entry.score,
                matchedTerms: leaves.filter { $0.contains(entry.doc) }.map(\.label),
                snippets: highlighter?.snippets(for: Int(entry.doc)) ?? [],
                duplicates: collected.collapsedDuplicates(of: entry.doc, index: self))
        }
        let nextCursor =
            collected.state.afterCursor > k && !hits.isEmpty
            ? page.last.map { SearchCursor(key: $0.key, doc: $0.doc).encoded(sort: request.sort) } : nil
        let facetCounts = collected.facetCounts(index: self, facetFields: facetFields)
        let facets = zip(facetFields, facetCounts).map { field, counts in
            let column = keywordColumns[field]
            let ids =
                facetRows.orderedValues(of: field, counts: counts, limit: request.facetLimit)
                ?? Array(
                    counts.indices.filter { counts[$0] > 0 }
                        .sorted {
                            counts[$0] != counts[$1] ? counts[$0] > counts[$1] : column.values[$0] < column.values[$1]
                        }
                        .prefix(request.facetLimit))
            let values = ids.map { FacetCounts.Value(value: column.values[$0], count: counts[$0]) }
            return FacetCounts(field: schema.keywordFields[field], values: Array(values))
        }
        return SearchResults(
            total: collected.state.total, hits: hits, facets: facets, nextCursor: nextCursor,
            typoToleranceApplied: typoApplied)
    }

    /// Hands an evaluated query's matches to a collector's pass.
    private static func feed(_ matches: ScoredDocuments, to pass: inout MatchCollector.Pass) {
        matches.docs.withUnsafeBufferPointer { docs in
            matches.scores.withUnsafeBufferPointer { scores in
                for index in 0..<docs.count { pass.collect(doc: docs[index], score: scores[index]) }
            }
        }
    }

    /// Per filtered keyword field, which value ids pass (several values of one field OR together).
    private func keywordFilters(
        _ filters: [String: [String]]
    ) throws(SearchIndexError) -> [(field: Int, allowed: [Bool])] {
        var result: [(field: Int, allowed: [Bool])] = []
        for (name, values) in filters.sorted(by: { $0.key < $1.key }) where !values.isEmpty {
            guard let field = schema.keywordFieldIndex(name.lowercased()) else { throw .unknownField(name) }
            var allowed = [Bool](repeating: false, count: keywordColumns[field].values.count)
            for value in values {
                for id in keywordColumns[field].ids(matching: value) { allowed[Int(id)] = true }
            }
            result.append((field, allowed))
        }
        return result
    }

    /// The query with typo tolerance on every plain word of 5+ letters (1 edit, 2 from 8 letters),
    /// or nil when no word qualifies.
    static func typoTolerant(_ node: QueryNode) -> QueryNode? {
        switch node {
        case .word(let text, let field, false, 0) where text.filter(\.isLetter).count >= 5:
            return .word(text, field: field, prefix: false, fuzziness: text.count >= 8 ? 2 : 1)
        case .word, .phrase, .keyword:
            return nil
        case .and(let children):
            let changed = children.map { typoTolerant($0) }
            return changed.contains { $0 != nil } ? .and(zip(children, changed).map { $1 ?? $0 }) : nil
        case .or(let children):
            let changed = children.map { typoTolerant($0) }
            return changed.contains { $0 != nil } ? .or(zip(children, changed).map { $1 ?? $0 }) : nil
        case .not:
            return nil
        }
    }

    static func sortedContains(_ docs: [Int32], _ doc: Int32) -> Bool {
        docs.sortedIndex(of: doc) != nil
    }
}
