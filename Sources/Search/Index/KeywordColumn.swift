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

    init(perDocumentValues: [[String]]) {
        var values: [String] = []
        var idOf: [String: Int32] = [:]
        var starts: [Int32] = [0]
        var documentValues: [Int32] = []
        var documentsByValue: [[Int32]] = []
        for (doc, docValues) in perDocumentValues.enumerated() {
            var seen: [Int32] = []
            for value in docValues {
                let id: Int32
                if let existing = idOf[value] {
                    id = existing
                } else {
                    id = Int32(values.count)
                    idOf[value] = id
                    values.append(value)
                    documentsByValue.append([])
                }
                guard !seen.contains(id) else { continue }
                seen.append(id)
                documentValues.append(id)
                documentsByValue[Int(id)].append(Int32(doc))
            }
            starts.append(Int32(documentValues.count))
        }
        var folded: [String: [Int32]] = [:]
        for (id, value) in values.enumerated() { folded[value.lowercased(), default: []].append(Int32(id)) }
        self.values = values
        self.idsByFoldedValue = folded
        self.valueStarts = starts
        self.documentValues = documentValues
        self.documentsByValue = documentsByValue
        let isSingleValued =
            values.count < UInt16.max && zip(starts, starts.dropFirst()).allSatisfy { $1 - $0 <= 1 }
        singleValues =
            isSingleValued
            ? (0..<perDocumentValues.count).map { doc in
                starts[doc] < starts[doc + 1] ? UInt16(documentValues[Int(starts[doc])]) : UInt16(values.count)
            } : nil
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
