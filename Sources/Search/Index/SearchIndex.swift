import Foundation

/// An immutable, in-memory inverted index: built once by `IndexBuilder`, then read by any number of
/// threads without locks. Documents are identified by their insertion index (`doc`).
public final class SearchIndex: Sendable {
    /// The stored date of a document that has none: it sorts last both ways and fails date ranges.
    static let noDate = Int64.min

    public let schema: SearchSchema
    public let parameters: BM25Parameters
    public let documentCount: Int
    let analyzer: Analyzer
    let parser: QueryParser
    let dictionary: TermDictionary
    let postings: Postings
    /// `norms[doc * fieldCount + field]`: the field's weight / (1 - b + b * length / average length).
    let norms: [Float]
    let normBounds: NormBounds
    let blockBounds: BlockBounds
    let keywordColumns: [KeywordColumn]
    let facetRows: FacetRows
    let termFacets: TermFacetCounts
    let dates: [Int64]
    /// The caller's strings, per text field, per document (shared storage, not copies).
    let storedText: [[String]]
    let vocabulary: Vocabulary
    let suggestions: [SuggestionEntry]
    /// Near-duplicate clusters (two or more documents each) and each document's cluster or -1.
    let clusters: [[Int32]]
    let clusterOf: [Int32]
    /// One bit per document, set when it is in a cluster: the bits of a long match list stay in
    /// cache, where `clusterOf` would not.
    let clusteredDocuments: [UInt64]

    init(
        schema: SearchSchema, analyzer: Analyzer, parameters: BM25Parameters, dictionary: TermDictionary,
        postings: Postings, fieldNorms: [[Float]], keywordColumns: [KeywordColumn], dates: [Int64],
        storedText: [[String]], vocabulary: Vocabulary, suggestions: [SuggestionEntry], clusters: [[Int32]]
    ) {
        self.schema = schema
        self.analyzer = analyzer
        self.parameters = parameters
        self.documentCount = dates.count
        self.parser = QueryParser(textFields: schema.textFields.map(\.name), keywordFields: schema.keywordFields)
        self.dictionary = dictionary
        self.postings = postings
        let fieldCount = fieldNorms.count
        var norms = [Float](repeating: 0, count: dates.count * fieldCount)
        for (field, values) in fieldNorms.enumerated() {
            for (doc, value) in values.enumerated() { norms[doc * fieldCount + field] = value }
        }
        self.norms = norms
        normBounds = NormBounds(norms: norms, fieldCount: fieldCount)
        blockBounds = BlockBounds(
            postings: postings, norms: norms, normsUsable: normBounds.isUsable,
            concurrency: ProcessInfo.processInfo.activeProcessorCount)
        self.keywordColumns = keywordColumns
        facetRows = FacetRows(columns: keywordColumns)
        termFacets = TermFacetCounts(
            postings: postings, rows: facetRows, columns: keywordColumns,
            concurrency: ProcessInfo.processInfo.activeProcessorCount)
        self.dates = dates
        self.storedText = storedText
        self.vocabulary = vocabulary
        self.suggestions = suggestions
        self.clusters = clusters
        var clusterOf = [Int32](repeating: -1, count: dates.count)
        for (cluster, members) in clusters.enumerated() {
            for doc in members { clusterOf[Int(doc)] = Int32(cluster) }
        }
        self.clusterOf = clusterOf
        var clusteredDocuments = [UInt64](repeating: 0, count: (dates.count + 63) / 64)
        for members in clusters {
            for doc in members { clusteredDocuments[Int(doc) >> 6] |= 1 << UInt64(doc & 63) }
        }
        self.clusteredDocuments = clusteredDocuments
    }

    /// The other members of `doc`'s near-duplicate cluster, ascending; empty when it has none.
    public func duplicates(of doc: Int) -> [Int] {
        guard doc >= 0, doc < documentCount, clusterOf[doc] >= 0 else { return [] }
        return clusters[Int(clusterOf[doc])].lazy.map(Int.init).filter { $0 != doc }
    }

    /// Every near-duplicate cluster: documents in ascending order, clusters by their first document.
    public var duplicateClusters: [[Int]] { clusters.map { $0.map(Int.init) } }

    /// The number of distinct indexed terms.
    public var termCount: Int { dictionary.count }

    /// Bytes the index itself holds (postings, norms, dictionaries, columns), not counting the
    /// caller's stored text, which it shares.
    public var memoryFootprint: Int { memoryParts.reduce(0) { $0 + $1.bytes } }

    /// `memoryFootprint` part by part, for the benchmarks: where the index's bytes are.
    public var memoryParts: [(name: String, bytes: Int)] {
        let exact = postings.exactForms
        return [
            ("postings.documents", postings.documents.count),
            ("postings.positions", postings.positions.count),
            ("postings.starts", (postings.documentStarts.count + postings.positionStarts.count) * 8),
            ("postings.documentFrequencies", postings.documentFrequencies.count * 4),
            ("exact.forms", (exact.formRanges.count + exact.formOffsets.count) * 4 + exact.formBytes.count),
            ("exact.stream", exact.streamStarts.count * 4 + exact.stream.count),
            ("exact.stopWords", exact.stopWords.byteCount),
            ("norms", norms.count * 4 + normBounds.byteCount),
            ("documents", dates.count * 8 + clusterOf.count * 4 + clusteredDocuments.count * 8),
            ("dictionary", dictionary.terms.reduce(0) { $0 + max(16, $1.utf8.count) } * 2 + dictionary.count * 16),
            ("vocabulary", vocabulary.byteCount),
            ("keywordColumns", keywordColumns.reduce(0) { $0 + $1.byteCount }),
            ("blockBounds", blockBounds.byteCount),
            ("facetRows", facetRows.byteCount),
            ("termFacets", termFacets.byteCount),
        ]
    }
}
