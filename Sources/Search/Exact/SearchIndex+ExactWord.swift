extension SearchIndex {
    /// An exact phrase with one word that is not a stop word ("the country", "level of", a quoted
    /// single word in one form): the word's postings are read straight through, positions and
    /// form ordinals in step, and each place checked against the stop words in constant time. No
    /// cursor and no per-document arrays: such a word is often in half the corpus.
    ///
    /// `wanted` is the form ordinal asked for (nil for any); `stops` pairs each stop word's offset
    /// from the word with its `StopWordMap` byte.
    func exactWordMatches(
        term: Int32, wanted: UInt32?, stops: [(offset: Int, byte: UInt8)], idf: Float, fields: [Int]
    ) -> ScoredDocuments {
        let fieldCount = schema.textFields.count
        let k1 = parameters.k1
        var selected = [Bool](repeating: false, count: fieldCount)
        for field in fields { selected[field] = true }
        var frequencies = [UInt32](repeating: 0, count: fieldCount)
        let stopWords = postings.exactForms.stopWords
        var result = ScoredDocuments()
        postings.documents.withUnsafeBufferPointer { documents in
            postings.positions.withUnsafeBufferPointer { positions in
                postings.exactForms.stream.withUnsafeBufferPointer { forms in
                    stopWords.withReader { stopWords in
                        var offset = postings.documentStarts[Int(term)]
                        let end = postings.documentStarts[Int(term) + 1]
                        var positionOffset = postings.positionStarts[Int(term)]
                        let formStart = wanted == nil ? 0 : Int(postings.exactForms.streamStarts[Int(term)])
                        let formWidth = wanted == nil ? 0 : postings.exactForms.ordinalWidth(of: term)
                        var formIndex = 0
                        var doc: Int32 = 0
                        while offset < end {
                            doc &+= Int32(bitPattern: VarInt.read(documents, &offset))
                            FrequencyCode.read(documents, &offset, into: &frequencies)
                            var weighted: Float = 0
                            for field in 0..<fieldCount where frequencies[field] > 0 {
                                guard selected[field] else {
                                    VarInt.skip(Int(frequencies[field]), in: positions, &positionOffset)
                                    formIndex += Int(frequencies[field])
                                    continue
                                }
                                let stopField = stopWords.field(slot: Int(doc) * fieldCount + field)
                                var position = 0
                                var count = 0
                                for _ in 0..<frequencies[field] {
                                    position += Int(VarInt.read(positions, &positionOffset))
                                    if let wanted {
                                        let ordinal = ExactForms.ordinal(
                                            at: formIndex, in: forms, start: formStart, width: formWidth)
                                        formIndex += 1
                                        if ordinal != wanted { continue }
                                    }
                                    if Self.hasStopWords(stops, around: position, in: stopField) { count += 1 }
                                }
                                weighted += Float(count) * norms[Int(doc) * fieldCount + field]
                            }
                            if weighted > 0 {
                                result.docs.append(doc)
                                result.scores.append(idf * weighted / (weighted + k1))
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Whether each stop word is at `position` plus its offset in `field`.
    @inline(__always)
    static func hasStopWords(
        _ stops: [(offset: Int, byte: UInt8)], around position: Int, in field: StopWordMap.Field
    ) -> Bool {
        for stop in stops where field.byte(at: position + stop.offset) != stop.byte { return false }
        return true
    }
}
