import Testing

@testable import Search

/// A one-word query is collected by blocks of postings (`BlockBounds`, `PostingReader`,
/// `MatchCollector.Pass.collectPostings`): blocks that cannot reach the top k are only counted and
/// tallied. Held here to the general path (the same word evaluated as `word OR word`, whose scores
/// are exactly twice as large), on words whose postings end around block edges.
@Suite struct BlockCollectionTests {
    static let schema = SearchSchema(
        textFields: [.init("title", weight: 2), .init("body")], keywordFields: ["source", "serial"])

    /// 700 documents. `alpha` ... `echo` are in 31, 32, 33, 64 and 65 of them (spread out); `foxtrot`
    /// is in all, 130 times in some bodies (a two-byte frequency); `golf` is in four documents far
    /// apart (two-byte deltas). Every 50th document is republished right after it (near-duplicate
    /// clusters). `serial` has a value per document: over 255 values, it is tallied from its column,
    /// not from `FacetRows`.
    static let index: SearchIndex = {
        var random = SnippetEquivalenceTests.Generator(state: 9)
        let filler = ["report", "update", "shares", "growth", "vote", "season", "network", "film"]
        let edges = [("alpha", 31), ("bravo", 32), ("charlie", 33), ("delta", 64), ("echo", 65)]
        let count = 700
        var builder = IndexBuilder(schema: schema)
        var previous = SearchDocument(text: ["", ""], keywords: [[], []])
        for doc in 0..<count {
            var title = (0..<(1 + random.next(4))).map { _ in filler[random.next(filler.count)] }
            let length = doc % 50 == 0 ? 80 : 3 + random.next(40)
            var body = (0..<length).map { _ in filler[random.next(filler.count)] }
            // The edge words go to documents that are neither republished nor copies, spread out.
            let eligible = doc - 2 * (doc / 50) - min(doc % 50, 2)
            for (word, documents) in edges
            where doc % 50 >= 2 && eligible % (672 / documents) == 0 && eligible / (672 / documents) < documents {
                if random.next(3) == 0 { title.append(word) } else { body.insert(word, at: random.next(body.count)) }
            }
            for _ in 0..<(1 + random.next(3)) {
                if random.next(4) == 0 { title.append("foxtrot") } else { body.append("foxtrot") }
            }
            if doc % 37 == 0 { body += Array(repeating: "foxtrot", count: 130) }
            if [5, 300, 301, 699].contains(doc) { body.append("golf") }
            var document = SearchDocument(
                text: [title.joined(separator: " "), body.joined(separator: " ")],
                keywords: [["s\(random.next(5))"], ["n\(doc)"]])
            if doc % 50 == 1 {
                document.text = previous.text
            }
            _ = try! builder.add(document)
            previous = document
        }
        return builder.build()
    }()

    @Test func everyEdgeWordHasItsCount() throws {
        #expect(Self.index.duplicateClusters.count >= 10)
        for (word, count) in [("alpha", 31), ("bravo", 32), ("charlie", 33), ("delta", 64), ("echo", 65), ("golf", 4)] {
            var request = SearchRequest(query: word)
            request.collapseDuplicates = false
            request.snippets = nil
            #expect(try Self.index.search(request).total == count, "\(word)")
        }
    }

    /// Total, facets, hits (documents, doubled scores, collapsed duplicates) of the streamed query
    /// against the evaluated one, for page sizes from one hit to all, with and without collapsing,
    /// over all fields or one, with the facets read from `FacetRows` or from the columns, or none
    /// (when blocks out of the top k's reach are stepped over undecoded).
    @Test(arguments: ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "title:foxtrot", "body:echo"])
    func blocksCollectAsTheGeneralPath(query: String) throws {
        for (offset, limit) in [(0, 1), (0, 3), (2, 5), (0, 20), (0, 1000)] {
            for collapse in [true, false] {
                for facets in [[], ["source"], ["source", "serial"]] {
                    var streamed = SearchRequest(query: query)
                    streamed.offset = offset
                    streamed.limit = limit
                    streamed.snippets = nil
                    streamed.collapseDuplicates = collapse
                    streamed.facets = facets
                    streamed.facetLimit = 1000
                    var evaluated = streamed
                    evaluated.query = "\(query) OR \(query)"
                    let a = try Self.index.search(streamed)
                    let b = try Self.index.search(evaluated)
                    let label = "\(query) \(offset) \(limit) \(collapse) \(facets)"
                    #expect(a.total > 0, "\(label)")
                    #expect(a.total == b.total, "\(label)")
                    #expect(a.facets == b.facets, "\(label)")
                    #expect(a.hits.map(\.doc) == b.hits.map(\.doc), "\(label)")
                    #expect(a.hits.map { $0.score * 2 } == b.hits.map(\.score), "\(label)")
                    #expect(a.hits.map(\.duplicates) == b.hits.map(\.duplicates), "\(label)")
                    #expect((a.nextCursor == nil) == (b.nextCursor == nil), "\(label)")
                }
            }
        }
    }

    /// Every posting's weight, over all fields or any one, is at most its block's bound; a term has
    /// one block per `blockSize` postings begun; each block knows its last document and where it ends.
    @Test func boundsCoverEveryPosting() {
        let index = Self.index
        let postings = index.postings
        let bounds = index.blockBounds
        let fieldCount = postings.fieldCount
        #expect(bounds.isUsable)
        var blocksChecked = 0
        postings.documents.withUnsafeBufferPointer { bytes in
            for term in 0..<postings.documentFrequencies.count {
                let frequency = Int(postings.documentFrequencies[term])
                let first = Int(bounds.starts[term])
                #expect(
                    Int(bounds.starts[term + 1]) - first == (frequency + BlockBounds.blockSize - 1)
                        / BlockBounds.blockSize)
                var offset = postings.documentStarts[term]
                var doc: Int32 = 0
                for posting in 0..<frequency {
                    doc += Int32(VarInt.read(bytes, &offset))
                    let frequencies = SegmentPostingsTests.readFrequencies(bytes, &offset, fieldCount: fieldCount).map(
                        Float.init)
                    let bound = BlockBounds.bound(bounds.maxima[first + posting / BlockBounds.blockSize])
                    for fields in [[0], [1], [0, 1]] {
                        var weight: Float = 0
                        for field in fields {
                            weight += frequencies[field] * index.norms[Int(doc) * fieldCount + field]
                        }
                        #expect(weight <= bound)
                    }
                    if posting % BlockBounds.blockSize == 0 { blocksChecked += 1 }
                    if posting % BlockBounds.blockSize == BlockBounds.blockSize - 1 || posting == frequency - 1 {
                        let block = first + posting / BlockBounds.blockSize
                        #expect(bounds.lastDocuments[block] == doc)
                        #expect(Int(bounds.ends[block]) == offset)
                    }
                }
            }
        }
        #expect(blocksChecked == bounds.maxima.count)
    }

    /// A bfloat16 rounded up: never below the value, and the next code down is below it.
    @Test func roundingUpKeepsABound() {
        var random = SnippetEquivalenceTests.Generator(state: 4)
        for _ in 0..<2000 {
            let value = Float(random.next(1_000_000)) / Float(1 + random.next(1000))
            let code = BlockBounds.roundedUp(value)
            #expect(BlockBounds.bound(code) >= value)
            if code > 0 { #expect(BlockBounds.bound(code - 1) < value) }
        }
        #expect(BlockBounds.roundedUp(0) == 0)
        #expect(BlockBounds.bound(BlockBounds.roundedUp(1.5)) == 1.5)
    }

    /// A field of weight zero gives postings without weight: the bounds are not used and the
    /// query goes the general way, with the same results.
    @Test func aWeightlessFieldTurnsTheBlocksOff() throws {
        let schema = SearchSchema(textFields: [.init("title", weight: 0), .init("body")], keywordFields: [])
        var builder = IndexBuilder(schema: schema)
        for doc in 0..<100 {
            let body = doc % 3 == 0 ? "plain words" : "market news market"
            _ = try builder.add(SearchDocument(text: ["market", body], keywords: []))
        }
        let index = builder.build()
        #expect(!index.blockBounds.isUsable)
        for query in ["market", "title:market"] {
            var streamed = SearchRequest(query: query)
            streamed.limit = 3
            streamed.snippets = nil
            var evaluated = streamed
            evaluated.query = "\(query) OR \(query)"
            let a = try index.search(streamed)
            let b = try index.search(evaluated)
            #expect(a.total == b.total)
            #expect(a.hits.map(\.doc) == b.hits.map(\.doc))
        }
    }

    /// The eight-byte fast path gives what the plain encoding says (`SegmentPostingsTests.appendFrequencies`),
    /// for packed and escaped frequencies and one- and multi-byte deltas, up to the end of the
    /// stream, and for fields never packed (seven).
    @Test(arguments: [1, 2, 3, 4, 7])
    func readerDecodesThePlainEncoding(fieldCount: Int) {
        var random = SnippetEquivalenceTests.Generator(state: UInt64(fieldCount))
        var bytes: [UInt8] = []
        var expected: [[UInt32]] = []
        var escaped = 0
        for _ in 0..<300 {
            let values = (0...fieldCount).map { _ in
                UInt32(random.next(5) == 0 ? random.next(100_000) : random.next(random.next(2) == 0 ? 4 : 40))
            }
            VarInt.append(values[0], to: &bytes)
            let start = bytes.count
            SegmentPostingsTests.appendFrequencies(Array(values.dropFirst()), to: &bytes)
            if bytes[start] == 0 { escaped += 1 }
            expected.append(values)
        }
        #expect(escaped > 10 && escaped < 300 || fieldCount > 4)
        let selected = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var reader = PostingReader(bytes: buffer, offset: 0, fieldCount: fieldCount, selected: selected)
            var skipping = reader
            var frequencies = [UInt32](repeating: 0, count: fieldCount)
            for values in expected {
                let delta = frequencies.withUnsafeMutableBufferPointer { reader.next(frequencies: $0.baseAddress!) }
                #expect(delta == values[0])
                #expect(frequencies == Array(values.dropFirst()))
                let document = skipping.nextDocument()
                #expect(document.delta == values[0])
                #expect(document.weighs == (values[1] != 0))
                #expect(skipping.offset == reader.offset)
            }
            #expect(reader.offset == buffer.count)
        }
    }
}
