import Dispatch
import Synchronization

/// A search index without its keyword columns: what `IndexBuilder.buildText` makes of the documents'
/// text, dates and suggestions. `SearchIndex(_:keywords:)` completes it.
public struct IndexedText: Sendable {
    let schema: SearchSchema
    let analyzer: Analyzer
    let parameters: BM25Parameters
    let dictionary: TermDictionary
    let postings: Postings
    let fieldNorms: [[Float]]
    let dates: [Int64]
    let storedText: [[String]]
    let vocabulary: Vocabulary
    let suggestions: [SuggestionEntry]
    let clusters: [[Int32]]

    public var documentCount: Int { dates.count }
}

extension SearchIndex {
    /// The index of `text` with one keyword column per keyword field of the schema, in its order,
    /// each holding a value list for every document; the columns are built on all cores.
    public convenience init(_ text: IndexedText, keywords: [KeywordValues]) {
        precondition(
            keywords.count == text.schema.keywordFields.count
                && keywords.allSatisfy { $0.documentCount == text.documentCount },
            "one keyword value list per keyword field and document")
        let columns = Mutex<[KeywordColumn?]>(Array(repeating: nil, count: keywords.count))
        DispatchQueue.concurrentPerform(iterations: keywords.count) { field in
            let column = KeywordColumn(keywords[field])
            columns.withLock { $0[field] = column }
        }
        self.init(
            schema: text.schema, analyzer: text.analyzer, parameters: text.parameters, dictionary: text.dictionary,
            postings: text.postings, fieldNorms: text.fieldNorms, keywordColumns: columns.withLock { $0.map { $0! } },
            dates: text.dates, storedText: text.storedText, vocabulary: text.vocabulary,
            suggestions: text.suggestions, clusters: text.clusters)
    }
}
