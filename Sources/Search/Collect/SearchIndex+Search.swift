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
        var evaluation = evaluate(node)
        var typoApplied = false
        if evaluation.matches.isEmpty, request.typoTolerance, let tolerant = Self.typoTolerant(node) {
            evaluation = evaluate(tolerant)
            typoApplied = !evaluation.matches.isEmpty
        }

        var facetCounts = facetFields.map { [Int](repeating: 0, count: keywordColumns[$0].values.count) }
        let kept = filterAndCountFacets(
            evaluation.matches, request: request, filters: filters, facetFields: facetFields, counts: &facetCounts)
        let collapsing = request.collapseDuplicates && !clusters.isEmpty

        let k = request.offset + request.limit
        var heap = TopK(capacity: k)
        var total = 0
        var afterCursor = 0
        let sort = request.sort
        /// Adds a visible match to the total and, when after the cursor, to the top k.
        func offer(score: Float, doc: Int32, date: Int64) {
            total += 1
            // Relevance never reads the date: one load less per match.
            let key = SearchCursor.key(score: score, date: date, sort: sort)
            if let cursor, !SearchCursor.precedes((cursor.key, cursor.doc), (key, doc)) { return }
            afterCursor += 1
            heap.insert(key: key, doc: doc, score: score)
        }
        // Members of near-duplicate clusters are rare: set aside, then one per cluster is offered.
        var clustered: [Int] = []
        kept.docs.withUnsafeBufferPointer { docs in
            kept.scores.withUnsafeBufferPointer { scores in
                dates.withUnsafeBufferPointer { dates in
                    clusteredDocuments.withUnsafeBufferPointer { clusteredDocuments in
                        for index in 0..<docs.count {
                            let doc = docs[index]
                            if collapsing, clusteredDocuments[Int(doc) >> 6] & (1 << UInt64(doc & 63)) != 0 {
                                clustered.append(index)
                                continue
                            }
                            offer(score: scores[index], doc: doc, date: sort == .relevance ? 0 : dates[Int(doc)])
                        }
                    }
                }
            }
        }
        for index in representatives(among: clustered, of: kept, sort: sort) {
            offer(score: kept.scores[index], doc: kept.docs[index], date: dates[Int(kept.docs[index])])
        }
        let page = heap.sorted().dropFirst(request.offset)
        var highlighter = request.snippets.map { Highlighter(index: self, leaves: evaluation.leaves, options: $0) }
        let hits = page.map { entry in
            SearchHit(
                doc: Int(entry.doc), score: entry.score,
                matchedTerms: evaluation.leaves.filter { leaf in Self.sortedContains(leaf.docs, entry.doc) }.map(
                    \.label),
                snippets: highlighter?.snippets(for: Int(entry.doc)) ?? [],
                duplicates: collapsing ? collapsedDuplicates(of: entry.doc, in: kept) : [])
        }
        let nextCursor =
            afterCursor > k && !hits.isEmpty
            ? page.last.map { SearchCursor(key: $0.key, doc: $0.doc).encoded(sort: request.sort) } : nil
        let facets = zip(facetFields, facetCounts).map { field, counts in
            let column = keywordColumns[field]
            let values = counts.indices.filter { counts[$0] > 0 }
                .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : column.values[$0] < column.values[$1] }
                .prefix(request.facetLimit)
                .map { FacetCounts.Value(value: column.values[$0], count: counts[$0]) }
            return FacetCounts(field: schema.keywordFields[field], values: Array(values))
        }
        return SearchResults(
            total: total, hits: hits, facets: facets, nextCursor: nextCursor, typoToleranceApplied: typoApplied)
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

    /// Applies the date range and keyword filters, and counts facets disjunctively in the same pass:
    /// a document failing exactly one filter still counts toward that filter's own facet.
    private func filterAndCountFacets(
        _ matches: ScoredDocuments, request: SearchRequest, filters: [(field: Int, allowed: [Bool])],
        facetFields: [Int], counts: inout [[Int]]
    ) -> ScoredDocuments {
        if filters.isEmpty && request.from == nil && request.to == nil {
            for (facet, field) in facetFields.enumerated() {
                keywordColumns[field].countValues(of: matches.docs, into: &counts[facet])
            }
            return matches
        }
        let from = request.from ?? Int64.min + 1
        let to = request.to ?? Int64.max
        let facetOfFilter = filters.map { filter in facetFields.firstIndex(of: filter.field) }
        var kept = ScoredDocuments()
        // Per facet: documents that failed only that facet's own filter, which still count for it.
        var nearMisses = [[Int32]](repeating: [], count: facetFields.count)
        for index in 0..<matches.count {
            let doc = Int(matches.docs[index])
            if request.from != nil || request.to != nil {
                let date = dates[doc]
                guard date != Self.noDate, date >= from, date <= to else { continue }
            }
            var failures = 0
            var failed = -1
            for filterIndex in filters.indices
            where !keywordColumns[filters[filterIndex].field].holdsAllowedValue(
                doc, allowed: filters[filterIndex].allowed)
            {
                failures += 1
                failed = filterIndex
                if failures > 1 { break }
            }
            if failures == 0 {
                kept.docs.append(Int32(doc))
                kept.scores.append(matches.scores[index])
            } else if failures == 1, let facet = facetOfFilter[failed] {
                nearMisses[facet].append(Int32(doc))
            }
        }
        // Counted facet by facet over whole lists: per document, reaching into the columns cost a
        // retain and release of their arrays each time.
        for (facet, field) in facetFields.enumerated() {
            keywordColumns[field].countValues(of: kept.docs, into: &counts[facet])
            keywordColumns[field].countValues(of: nearMisses[facet], into: &counts[facet])
        }
        return kept
    }

    /// Of the positions in `matches` of clustered documents, those standing for their cluster: the
    /// first member in sort order. The others are left out of the hits and the total, and listed
    /// under their representative's hit.
    private func representatives(among positions: [Int], of matches: ScoredDocuments, sort: SortOrder) -> [Int] {
        var best: [Int32: Int] = [:]
        for index in positions {
            let doc = matches.docs[index]
            let cluster = clusterOf[Int(doc)]
            if let current = best[cluster] {
                let key = SearchCursor.key(score: matches.scores[index], date: dates[Int(doc)], sort: sort)
                let currentDoc = matches.docs[current]
                let currentKey = SearchCursor.key(
                    score: matches.scores[current], date: dates[Int(currentDoc)], sort: sort)
                guard SearchCursor.precedes((key, doc), (currentKey, currentDoc)) else { continue }
            }
            best[cluster] = index
        }
        return best.values.sorted()
    }

    /// The other members of `doc`'s cluster among `matches` (ascending): what its hit stands for.
    private func collapsedDuplicates(of doc: Int32, in matches: ScoredDocuments) -> [Int] {
        let cluster = clusterOf[Int(doc)]
        guard cluster >= 0 else { return [] }
        return clusters[Int(cluster)].filter { $0 != doc && matches.contains($0) }.map(Int.init)
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
        var low = 0
        var high = docs.count
        while low < high {
            let mid = (low + high) / 2
            if docs[mid] < doc { low = mid + 1 } else { high = mid }
        }
        return low < docs.count && docs[low] == doc
    }
}
