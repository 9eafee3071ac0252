/// One keyword field: its distinct values, each document's value ids (multi-valued) and each value's
/// documents. Values match case-insensitively in queries and filters; facets show them as given.
struct KeywordColumn: Sendable {
    let values: [String]
    private let idsByFoldedValue: [String: [Int32]]
    /// Document `d`'s values are `documentValues[valueStarts[d]..<valueStarts[d + 1]]`.
    let valueStarts: [Int32]
    let documentValues: [Int32]
    /// Ascending document ids per value.
    let documentsByValue: [[Int32]]
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
        var folded: [String: [Int32]] = [:]
        for (id, value) in collector.values.enumerated() { folded[value.lowercased(), default: []].append(Int32(id)) }
        self.values = collector.values
        self.idsByFoldedValue = folded
        self.valueStarts = collector.starts
        self.documentValues = collector.documentValues
        self.documentsByValue = collector.documentsByValue
        let (starts, documentValues, valueCount) = (collector.starts, collector.documentValues, collector.values.count)
        let isSingleValued =
            valueCount < UInt16.max && zip(starts, starts.dropFirst()).allSatisfy { $1 - $0 <= 1 }
        singleValues =
            isSingleValued
            ? (0..<(starts.count - 1)).map { doc in
                starts[doc] < starts[doc + 1] ? UInt16(documentValues[Int(starts[doc])]) : UInt16(valueCount)
            } : nil
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
        /// added in ascending order), with no nested array grown one append at a time.
        var documentsByValue: [[Int32]] {
            var offsets = [Int](repeating: 0, count: values.count + 1)
            for id in documentValues { offsets[Int(id) + 1] += 1 }
            for value in values.indices { offsets[value + 1] += offsets[value] }
            var fill = offsets
            var documents = [Int32](repeating: 0, count: documentValues.count)
            for doc in 0..<(starts.count - 1) {
                for index in Int(starts[doc])..<Int(starts[doc + 1]) {
                    let value = Int(documentValues[index])
                    documents[fill[value]] = Int32(doc)
                    fill[value] += 1
                }
            }
            return values.indices.map { Array(documents[offsets[$0]..<offsets[$0 + 1]]) }
        }
    }

    /// The ids of the values equal to `value` ignoring case (several when they differ only by case).
    func ids(matching value: String) -> [Int32] { idsByFoldedValue[value.lowercased()] ?? [] }

    /// Ascending documents holding any value equal to `value` ignoring case.
    func documents(matching value: String) -> [Int32] {
        let ids = ids(matching: value)
        if ids.count == 1 { return documentsByValue[Int(ids[0])] }
        return Set(ids.flatMap { documentsByValue[Int($0)] }).sorted()
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
        (valueStarts.count + documentValues.count) * 4 + (singleValues?.count ?? 0) * 2
            + documentsByValue.reduce(0) { $0 + $1.count * 4 }
            + values.reduce(0) { $0 + $1.utf8.count + 16 }
    }
}
