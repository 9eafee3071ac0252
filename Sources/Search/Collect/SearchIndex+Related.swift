/// A document similar to another, with its more-like-this score.
public struct RelatedDocument: Sendable, Hashable {
    public var doc: Int
    public var score: Float
}

/// One page of the documents related to another, and how many there are in all.
public struct RelatedPage: Sendable, Hashable {
    /// Documents sharing at least one of the distinctive terms (the document and its near-duplicates
    /// left out): the exact number a client could page through.
    public var total: Int
    public var documents: [RelatedDocument]

    public init(total: Int, documents: [RelatedDocument]) {
        self.total = total
        self.documents = documents
    }
}

extension SearchIndex {
    /// Terms of a document used for more-like-this.
    static let relatedTermCount = 25

    /// More like this: the document's most distinctive terms (tf * idf over all text fields, the top
    /// 25) as a ranked OR query, without the document itself or its near-duplicates.
    public func related(to doc: Int, limit: Int = 10) throws(SearchIndexError) -> [RelatedDocument] {
        try related(to: doc, offset: 0, limit: limit).documents
    }

    /// The related documents from `offset` on, at most `limit` of them, with their total.
    public func related(to doc: Int, offset: Int, limit: Int) throws(SearchIndexError) -> RelatedPage {
        guard doc >= 0, doc < documentCount else { throw .unknownDocument(doc) }
        guard (0...Self.maximumLimit).contains(limit) else { throw .invalidLimit(limit) }
        guard (0...Self.maximumOffset).contains(offset) else { throw .invalidOffset(offset) }
        var frequencies: [Int32: Int] = [:]
        for field in schema.textFields.indices {
            for token in analyzer.tokens(storedText[field][doc]) {
                if let term = dictionary.id(of: token.term) { frequencies[term, default: 0] += 1 }
            }
        }
        var candidates: [(term: Int32, weight: Float)] = []
        for (term, frequency) in frequencies {
            let df = Int(postings.documentFrequencies[Int(term)])
            guard df > 1 else { continue }
            let idf = BM25Parameters.idf(documentCount: documentCount, documentFrequency: df)
            candidates.append((term, Float(frequency) * idf))
        }
        candidates.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        let weighted = candidates.prefix(Self.relatedTermCount)
        let fields = Array(schema.textFields.indices)
        let matches = ScoredDocuments.union(
            weighted.map { scoreTerm($0.term, fields: fields) }, combine: .sum, documentCount: documentCount)
        var excluded = Set(duplicates(of: doc).map(Int32.init))
        excluded.insert(Int32(doc))
        var heap = TopK(capacity: offset + limit)
        var total = 0
        for index in 0..<matches.count where !excluded.contains(matches.docs[index]) {
            total += 1
            let score = matches.scores[index]
            heap.insert(
                key: SearchCursor.key(score: score, date: 0, sort: .relevance), doc: matches.docs[index], score: score)
        }
        let documents = heap.sorted().dropFirst(offset).map { RelatedDocument(doc: Int($0.doc), score: $0.score) }
        return RelatedPage(total: total, documents: documents)
    }
}
