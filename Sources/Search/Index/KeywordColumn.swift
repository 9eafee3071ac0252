/// One keyword field: its distinct values, each document's value ids (multi-valued) and each value's
/// documents. Values match case-insensitively in queries and filters; facets show them as given.
///
/// Every list is a slice of one flat array: an array per value (and a dictionary entry per value
/// for the lower-cased lookup) cost two or three heap blocks per distinct value, and the `entity`
/// column has two values per entity of the corpus (about 100,000 at 100,000 articles).
struct KeywordColumn: Sendable {
    let values: [String]
    private let foldedValues: FoldedValueTable
    /// Document `d`'s values are `documentValues[valueStarts[d]..<valueStarts[d + 1]]`.
    let valueStarts: [Int32]
    let documentValues: [Int32]
    /// Value `v`'s ascending documents are `documentsOfValues[documentStarts[v]..<documentStarts[v + 1]]`.
    private let documentStarts: [Int32]
    private let documentsOfValues: [Int32]
    /// When no document holds two values (source, category, month) and there are fewer than 65,535,
    /// each document's value id, or `values.count` for none: facet counting reads one small number
    /// per document (two bytes, so a long match list touches less memory).
    let singleValues: [UInt16]?

    /// Value ids are given in order of first appearance, document by document, whichever form
    /// `keywords` takes.
    init(_ keywords: KeywordValues) {
        var collector = Collector()
        switch keywords.form {
        case .strings(let perDocument):
            for values in perDocument {
                for value in values { collector.add(collector.id(of: value)) }
                collector.endDocument()
            }
        case .table(let table, let perDocument):
            var idOfEntry = [Int32](repeating: -1, count: table.count)
            for entries in perDocument {
                for entry in entries {
                    var id = idOfEntry[Int(entry)]
                    if id < 0 {
                        id = collector.id(of: table[Int(entry)])
                        idOfEntry[Int(entry)] = id
                    }
                    collector.add(id)
                }
                collector.endDocument()
            }
        }
        self.values = Self.exactCopy(collector.values)
        self.foldedValues = FoldedValueTable(collector.values)
        self.valueStarts = Self.exactCopy(collector.starts)
        self.documentValues = Self.exactCopy(collector.documentValues)
        (self.documentStarts, self.documentsOfValues) = collector.documentsByValue
        let (starts, documentValues, valueCount) = (collector.starts, collector.documentValues, collector.values.count)
        let isSingleValued =
            valueCount < UInt16.max && zip(starts, starts.dropFirst()).allSatisfy { $1 - $0 <= 1 }
        singleValues =
            isSingleValued
            ? (0..<(starts.count - 1)).map { doc in
                starts[doc] < starts[doc + 1] ? UInt16(documentValues[Int(starts[doc])]) : UInt16(valueCount)
            } : nil
    }

    /// `array` in a block of its own of exactly its size: the collector's arrays grew by doubling,
    /// and a column lives as long as the index.
    private static func exactCopy<Element>(_ array: [Element]) -> [Element] {
        [Element](unsafeUninitializedCapacity: array.count) { buffer, count in
            _ = buffer.initialize(fromContentsOf: array)
            count = array.count
        }
    }

    /// Gathers the column document by document; a value repeated within a document counts once.
    private struct Collector {
        var values: [String] = []
        var idOf: [String: Int32] = [:]
        var starts: [Int32] = [0]
        var documentValues: [Int32] = []
        var seen: [Int32] = []

        mutating func id(of value: String) -> Int32 {
            if let existing = idOf[value] { return existing }
            let id = Int32(values.count)
            idOf[value] = id
            values.append(value)
            return id
        }

        mutating func add(_ id: Int32) {
            guard !seen.contains(id) else { return }
            seen.append(id)
            documentValues.append(id)
        }

        mutating func endDocument() {
            starts.append(Int32(documentValues.count))
            seen.removeAll(keepingCapacity: true)
        }

        /// Ascending documents per value, by a counting sort of `documentValues` (documents were
        /// added in ascending order): value `v`'s are `documents[starts[v]..<starts[v + 1]]`.
        var documentsByValue: (starts: [Int32], documents: [Int32]) {
            var offsets = [Int32](repeating: 0, count: values.count + 1)
            for id in documentValues { offsets[Int(id) + 1] += 1 }
            for value in values.indices { offsets[value + 1] += offsets[value] }
            var fill = offsets
            var documents = [Int32](repeating: 0, count: documentValues.count)
            for doc in 0..<(starts.count - 1) {
                for index in Int(starts[doc])..<Int(starts[doc + 1]) {
                    let value = Int(documentValues[index])
                    documents[Int(fill[value])] = Int32(doc)
                    fill[value] += 1
                }
            }
            return (offsets, documents)
        }
    }

    /// The ids of the values equal to `value` ignoring case (several when they differ only by case).
    func ids(matching value: String) -> [Int32] { foldedValues.ids(of: value.lowercased(), in: values) }

    /// The ascending documents holding value `id`.
    func documents(ofValue id: Int) -> ArraySlice<Int32> {
        documentsOfValues[Int(documentStarts[id])..<Int(documentStarts[id + 1])]
    }

    /// Ascending documents holding any value equal to `value` ignoring case.
    func documents(matching value: String) -> [Int32] {
        let ids = ids(matching: value)
        if ids.count == 1 { return Array(documents(ofValue: Int(ids[0]))) }
        return Set(ids.flatMap { documents(ofValue: Int($0)) }).sorted()
    }

    /// Adds one to `counts[value]` for each value of each of `docs`, over raw buffers: this runs
    /// once per facet per search over every matching document.
    func countValues(of docs: [Int32], into counts: inout [Int]) {
        if let singleValues {
            // Four interleaved tallies: a run of documents with one value (a category, a month) would
            // otherwise wait on each increment of one counter before the next. The extra slot per
            // tally counts documents without a value.
            let stride = counts.count + 1
            var tallies = [Int](repeating: 0, count: stride * 4)
            singleValues.withUnsafeBufferPointer { valueOf in
                docs.withUnsafeBufferPointer { docs in
                    tallies.withUnsafeMutableBufferPointer { tallies in
                        var index = 0
                        while index + 4 <= docs.count {
                            tallies[Int(valueOf[Int(docs[index])])] += 1
                            tallies[stride + Int(valueOf[Int(docs[index + 1])])] += 1
                            tallies[2 * stride + Int(valueOf[Int(docs[index + 2])])] += 1
                            tallies[3 * stride + Int(valueOf[Int(docs[index + 3])])] += 1
                            index += 4
                        }
                        while index < docs.count {
                            tallies[Int(valueOf[Int(docs[index])])] += 1
                            index += 1
                        }
                    }
                }
            }
            for value in counts.indices {
                counts[value] +=
                    tallies[value] + tallies[stride + value] + tallies[2 * stride + value] + tallies[3 * stride + value]
            }
            return
        }
        valueStarts.withUnsafeBufferPointer { starts in
            documentValues.withUnsafeBufferPointer { values in
                counts.withUnsafeMutableBufferPointer { counts in
                    for doc in docs {
                        for index in Int(starts[Int(doc)])..<Int(starts[Int(doc) + 1]) {
                            counts[Int(values[index])] += 1
                        }
                    }
                }
            }
        }
    }

    /// Whether one of `doc`'s values is allowed (`allowed` is indexed by value id).
    func holdsAllowedValue(_ doc: Int, allowed: [Bool]) -> Bool {
        for index in Int(valueStarts[doc])..<Int(valueStarts[doc + 1]) where allowed[Int(documentValues[index])] {
            return true
        }
        return false
    }

    var byteCount: Int {
        (valueStarts.count + documentValues.count + documentStarts.count + documentsOfValues.count) * 4
            + (singleValues?.count ?? 0) * 2 + foldedValues.byteCount + values.reduce(0) { $0 + $1.utf8.count + 16 }
    }
}
