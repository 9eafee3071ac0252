import Dispatch
import Foundation
import Synchronization

/// Collects documents, then builds an immutable `SearchIndex` on all cores: the documents are cut
/// into contiguous slices, each slice is analysed into its own segment in parallel, and the segments'
/// term dictionaries and postings are merged (also in parallel, by ranges of the sorted vocabulary).
public struct IndexBuilder: Sendable {
    public let schema: SearchSchema
    public var analyzer: Analyzer
    public var parameters: BM25Parameters
    private var documents: [SearchDocument] = []
    private var suggestions: [SuggestionEntry] = []

    public init(schema: SearchSchema, analyzer: Analyzer = .english, parameters: BM25Parameters = BM25Parameters()) {
        self.schema = schema
        self.analyzer = analyzer
        self.parameters = parameters
    }

    public var count: Int { documents.count }

    /// Adds a document and returns its id (its index in insertion order).
    @discardableResult
    public mutating func add(_ document: SearchDocument) throws(SearchIndexError) -> Int {
        guard document.text.count == schema.textFields.count,
            document.keywords.count == schema.keywordFields.count || document.keywords.isEmpty
        else {
            throw .documentShape(
                expectedText: schema.textFields.count, gotText: document.text.count,
                expectedKeywords: schema.keywordFields.count, gotKeywords: document.keywords.count)
        }
        var document = document
        if document.keywords.isEmpty { document.keywords = Array(repeating: [], count: schema.keywordFields.count) }
        documents.append(document)
        return documents.count - 1
    }

    /// Adds a completion offered by `suggest` beside the corpus vocabulary (an entity name, say);
    /// `weight` ranks it against words, whose weight is their document frequency.
    public mutating func addSuggestion(_ text: String, weight: Int) {
        suggestions.append(SuggestionEntry(text: text, folded: text.lowercased(), weight: weight))
    }

    public func build(concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) -> SearchIndex {
        let keywords = schema.keywordFields.indices.map { field in
            KeywordValues(documents.map { $0.keywords[field] })
        }
        return SearchIndex(buildText(concurrency: concurrency), keywords: keywords)
    }

    /// Everything of the index but its keyword columns, which `SearchIndex(_:keywords:)` adds: the
    /// documents' keywords are not read, so a caller can index the text while it still works out
    /// keyword values (the entities of each article, say).
    public func buildText(concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) -> IndexedText {
        let segments = buildSegments(concurrency: max(1, concurrency))
        return merge(segments, concurrency: max(1, concurrency))
    }

    private func buildSegments(concurrency: Int) -> [IndexSegment] {
        let count = documents.count
        let sliceCount = max(1, min(concurrency * 2, count / 256 + 1))
        let slots = Mutex<[IndexSegment?]>(Array(repeating: nil, count: sliceCount))
        let snippetField = schema.textFieldIndex(schema.snippetField) ?? -1
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let range = (count * slice / sliceCount)..<(count * (slice + 1) / sliceCount)
            var segment = IndexSegment(firstDocument: range.lowerBound, fieldCount: schema.textFields.count)
            var workspace = AnalysisWorkspace()
            for doc in range {
                segment.add(
                    documents[doc], id: doc, analyzer: analyzer, snippetField: snippetField, workspace: &workspace)
            }
            segment.settleSurfaceCounts()
            slots.withLock { $0[slice] = segment }
        }
        return slots.withLock { $0.map { $0! } }
    }

    private func merge(_ segments: [IndexSegment], concurrency: Int) -> IndexedText {
        var allTerms = Set<String>()
        for segment in segments { allTerms.formUnion(segment.terms) }
        let dictionary = TermDictionary(sortedTerms: allTerms.sorted())
        let globalIDs = segments.map { segment in segment.terms.map { dictionary.id(of: $0)! } }
        var localIDs = [[Int32]](repeating: [], count: segments.count)
        for index in segments.indices {
            var local = [Int32](repeating: -1, count: dictionary.count)
            for (localID, globalID) in globalIDs[index].enumerated() { local[Int(globalID)] = Int32(localID) }
            localIDs[index] = local
        }
        var postings = Self.mergePostings(
            segments, localIDs: localIDs, termCount: dictionary.count, fieldCount: schema.textFields.count,
            concurrency: concurrency)
        postings.exactForms = ExactForms(
            merging: segments.map(\.exactForms), localIDs: localIDs, names: dictionary.terms, concurrency: concurrency)

        var surfaceCounts: [String: (term: Int32, count: UInt32)] = [:]
        for (index, segment) in segments.enumerated() {
            for (form, local) in segment.surfaceTerms.enumerated() {
                let surface = segment.withSurface(form) { String(decoding: $0, as: UTF8.self) }
                surfaceCounts[surface, default: (globalIDs[index][Int(local)], 0)].count += segment.surfaceCount(form)
            }
        }
        let vocabulary = Vocabulary(counts: surfaceCounts, termCount: dictionary.count)

        var signatures: [UInt32] = []
        signatures.reserveCapacity(documents.count * NearDuplicates.binCount)
        for segment in segments { signatures += segment.signatures }
        let clusters = NearDuplicates.clusters(signatures: signatures, documentCount: documents.count)

        let fieldNorms = (0..<schema.textFields.count).map { field in
            let lengths = segments.flatMap { $0.fieldLengths[field] }
            return Self.norms(lengths: lengths, weight: schema.textFields[field].weight, parameters: parameters)
        }
        return IndexedText(
            schema: schema, analyzer: analyzer, parameters: parameters, dictionary: dictionary, postings: postings,
            fieldNorms: fieldNorms, dates: documents.map { $0.date ?? SearchIndex.noDate },
            storedText: (0..<schema.textFields.count).map { field in documents.map { $0.text[field] } },
            vocabulary: vocabulary,
            suggestions: suggestions.sorted { ($0.folded, -$0.weight) < ($1.folded, -$1.weight) },
            clusters: clusters)
    }

    /// weight / (1 - b + b * length / average): what a term frequency is multiplied by in BM25F.
    static func norms(lengths: [UInt32], weight: Float, parameters: BM25Parameters) -> [Float] {
        let total = lengths.reduce(0) { $0 + Int($1) }
        guard total > 0 else { return Array(repeating: 0, count: lengths.count) }
        let average = Float(Double(total) / Double(lengths.count))
        return lengths.map { weight / (1 - parameters.b + parameters.b * Float($0) / average) }
    }

    /// Concatenates each term's per-segment postings in segment (so document) order, re-basing the
    /// first doc delta of every segment after the first; ranges of terms are merged in parallel.
    private static func mergePostings(
        _ segments: [IndexSegment], localIDs: [[Int32]], termCount: Int, fieldCount: Int, concurrency: Int
    ) -> Postings {
        struct Part {
            var documents: [UInt8] = []
            var positions: [UInt8] = []
            var documentEnds: [Int] = []
            var positionEnds: [Int] = []
            var frequencies: [UInt32] = []
        }
        let partCount = max(1, min(concurrency * 2, termCount / 1024 + 1))
        let parts = Mutex<[Part]>(Array(repeating: Part(), count: partCount))
        DispatchQueue.concurrentPerform(iterations: partCount) { partIndex in
            var part = Part()
            let range = (termCount * partIndex / partCount)..<(termCount * (partIndex + 1) / partCount)
            part.documentEnds.reserveCapacity(range.count)
            part.positionEnds.reserveCapacity(range.count)
            for term in range {
                var frequency: UInt32 = 0
                var previousLast: Int32 = -1
                // By index: `for segment in segments` copied every segment (a retain per array it
                // holds) for every term.
                for index in segments.indices {
                    let local = Int(localIDs[index][term])
                    guard local >= 0 else { continue }
                    let postings = segments[index].postings[local]
                    if previousLast < 0 {
                        segments[index].postingBytes.append(postings.documents, to: &part.documents)
                    } else if let first = segments[index].postingBytes.firstVarInt(of: postings.documents) {
                        VarInt.append(UInt32(Int32(bitPattern: first.value) - previousLast), to: &part.documents)
                        segments[index].postingBytes.append(
                            postings.documents, to: &part.documents, skipping: first.length)
                    }
                    segments[index].postingBytes.append(postings.positions, to: &part.positions)
                    frequency += postings.documentFrequency
                    previousLast = postings.lastDocument
                }
                part.documentEnds.append(part.documents.count)
                part.positionEnds.append(part.positions.count)
                part.frequencies.append(frequency)
            }
            parts.withLock { $0[partIndex] = part }
        }
        return parts.withLock { parts in
            var documents: [UInt8] = []
            var positions: [UInt8] = []
            documents.reserveCapacity(parts.reduce(0) { $0 + $1.documents.count })
            positions.reserveCapacity(parts.reduce(0) { $0 + $1.positions.count })
            var documentStarts = [0]
            var positionStarts = [0]
            var frequencies: [UInt32] = []
            documentStarts.reserveCapacity(termCount + 1)
            positionStarts.reserveCapacity(termCount + 1)
            frequencies.reserveCapacity(termCount)
            for part in parts {
                let documentBase = documents.count
                let positionBase = positions.count
                documents += part.documents
                positions += part.positions
                documentStarts += part.documentEnds.lazy.map { $0 + documentBase }
                positionStarts += part.positionEnds.lazy.map { $0 + positionBase }
                frequencies += part.frequencies
            }
            return Postings(
                documents: documents, documentStarts: documentStarts, positions: positions,
                positionStarts: positionStarts, documentFrequencies: frequencies, fieldCount: fieldCount)
        }
    }
}

/// An extra completion for `suggest`, added by the caller at build time.
struct SuggestionEntry: Sendable, Hashable {
    var text: String
    var folded: String
    var weight: Int
}
