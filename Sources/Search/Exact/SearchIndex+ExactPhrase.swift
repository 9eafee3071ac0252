/// A quoted phrase, matched as typed: what `SearchIndex.exactPhrase` found and what the
/// highlighter marks.
struct ExactPhraseMatch {
    var matches: ScoredDocuments
    /// The phrase's words that are not stop words: their terms, and the folded form each must have.
    var terms: [Int32]
    var forms: [String]
}

extension SearchIndex {
    /// One word of a quoted phrase: its folded form, its position in the phrase, and its term with
    /// which of the term's occurrences it stands for, or the stop word's number.
    private struct PhraseWord {
        var folded: String
        var offset: Int
        var term: Int32 = -1
        var match: ExactForms.Match = .every
        var stopWord: UInt8?
    }

    /// Documents holding the words in `fields` as typed: consecutive, folded (case, diacritics,
    /// possessive 's) but not stemmed, stop words included. A hyphenated word is matched through its
    /// parts, as the tokenizer indexes them. nil when the words hold no word at all (only
    /// punctuation): the phrase constrains nothing.
    ///
    /// Scored like one term: frequency the phrase's occurrences per field, idf the sum of its
    /// words' (stop words have none).
    func exactPhrase(_ words: [String], fields: [Int]) -> ExactPhraseMatch? {
        guard let phrase = phraseWords(words.joined(separator: " ")) else { return nil }
        let content = phrase.filter { $0.stopWord == nil && $0.match != .none }
        var result = ExactPhraseMatch(
            matches: ScoredDocuments(), terms: content.map(\.term), forms: content.map(\.folded))
        guard phrase.allSatisfy({ $0.match != .none }) else { return result }
        if phrase.count == 1, phrase[0].stopWord == nil, phrase[0].match == .every {
            result.matches = scoreTerm(phrase[0].term, fields: fields)
            return result
        }
        let idf = content.reduce(Float(0)) {
            $0
                + BM25Parameters.idf(
                    documentCount: documentCount, documentFrequency: Int(postings.documentFrequencies[Int($1.term)]))
        }
        result.matches = exactMatches(phrase, idf: idf, fields: fields)
        return result
    }

    /// The phrase's words as the index holds them (parts of hyphenated words, `span == 1`); nil for
    /// none. A word whose term the index lacks gets `.none`.
    private func phraseWords(_ text: String) -> [PhraseWord]? {
        var words: [PhraseWord] = []
        var workspace = AnalysisWorkspace()
        var scanner = workspace.takeScanner()
        Tokenizer.withUTF8(text) { bytes in
            scanner.scan(bytes) { folded, position, span, _, _ in
                guard span == 1 else { return }
                var word = PhraseWord(folded: String(decoding: folded, as: UTF8.self), offset: position)
                if analyzer.removesStopWords, let stopWord = StopWords.index(of: folded) {
                    word.stopWord = UInt8(stopWord)
                } else if let term = dictionary.id(of: workspace.term(for: folded, stemming: analyzer.stemming)) {
                    word.term = term
                    word.match = postings.exactForms.match(word.folded, term: term, name: dictionary.terms[Int(term)])
                } else {
                    word.match = .none
                }
                words.append(word)
            }
        }
        guard let first = words.first else { return nil }
        return words.map { word in
            var word = word
            word.offset -= first.offset
            return word
        }
    }

    /// Documents where every word occurs at its offset within one field, in its wanted form; scored
    /// as one term of frequency the phrase's count per field. Candidates come from the words that
    /// are not stop words, rarest first; their stop words are then checked per place.
    private func exactMatches(_ words: [PhraseWord], idf: Float, fields: [Int]) -> ScoredDocuments {
        let fieldCount = schema.textFields.count
        let content = words.filter { $0.stopWord == nil }.sorted {
            postings.documentFrequencies[Int($0.term)] < postings.documentFrequencies[Int($1.term)]
        }
        let stops = words.filter { $0.stopWord != nil }
        if content.count == 1 {
            let wanted: UInt32? = if case .ordinal(let ordinal) = content[0].match { ordinal } else { nil }
            return exactWordMatches(
                term: content[0].term, wanted: wanted,
                stops: stops.map { ($0.offset - content[0].offset, $0.stopWord! + 1) }, idf: idf, fields: fields)
        }
        var cursors = content.map { word in
            let wanted: UInt32? = if case .ordinal(let ordinal) = word.match { ordinal } else { nil }
            return ExactPhraseCursor(postings: postings, term: word.term, wanted: wanted)
        }
        var check = PhraseCheck(
            offsets: content.map(\.offset), stops: stops.map { ($0.offset, $0.stopWord! + 1) },
            wordCount: content.count,
            fieldCount: fieldCount)
        var result = ScoredDocuments()
        let stopWords = postings.exactForms.stopWords
        let scoring = PhraseScoring(idf: idf, k1: parameters.k1, fields: fields, fieldCount: fieldCount)
        if cursors.isEmpty {
            // Stop words only: every document is a candidate.
            for doc in 0..<Int32(documentCount) {
                scoring.score(doc, check, cursors: cursors, stopWords: stopWords, norms: norms, into: &result)
            }
            return result
        }
        postings.documents.withUnsafeBufferPointer { documents in
            postings.positions.withUnsafeBufferPointer { positionBytes in
                postings.exactForms.stream.withUnsafeBufferPointer { forms in
                    var target: Int32 = 0
                    search: while true {
                        for index in cursors.indices {
                            guard cursors[index].advance(to: target, documents, positionBytes) else { break search }
                            if cursors[index].doc > target {
                                target = cursors[index].doc
                                continue search
                            }
                        }
                        for index in cursors.indices { check.read(&cursors[index], word: index, positionBytes, forms) }
                        scoring.score(
                            target, check, cursors: cursors, stopWords: stopWords, norms: norms, into: &result)
                        target += 1
                    }
                }
            }
        }
        return result
    }
}

/// BM25F of a phrase in one candidate document: its count per field times the field's norm, as
/// one term whose idf is the phrase's.
private struct PhraseScoring {
    let idf: Float
    let k1: Float
    let fields: [Int]
    let fieldCount: Int

    func score(
        _ doc: Int32, _ check: PhraseCheck, cursors: [ExactPhraseCursor], stopWords: StopWordMap, norms: [Float],
        into result: inout ScoredDocuments
    ) {
        var weighted: Float = 0
        stopWords.withReader { stopWords in
            for field in fields {
                let stops = stopWords.field(slot: Int(doc) * fieldCount + field)
                let count = check.count(field: field, cursors: cursors, stops: stops)
                weighted += Float(count) * norms[Int(doc) * fieldCount + field]
            }
        }
        if weighted > 0 {
            result.docs.append(doc)
            result.scores.append(idf * weighted / (weighted + k1))
        }
    }
}

/// The positions of one candidate document that a phrase is checked against: per content word and
/// field its positions and whether each is the wanted form; stop words are looked up in the
/// document's `StopWordMap` bytes.
private struct PhraseCheck {
    let offsets: [Int]
    /// Per stop word of the phrase: its offset and its byte in a `StopWordMap`.
    let stops: [(offset: Int, byte: UInt8)]
    var positions: [[[UInt32]]]
    var isWanted: [[[Bool]]]

    init(offsets: [Int], stops: [(offset: Int, byte: UInt8)], wordCount: Int, fieldCount: Int) {
        self.offsets = offsets
        self.stops = stops
        positions = Array(repeating: Array(repeating: [], count: fieldCount), count: wordCount)
        isWanted = Array(repeating: Array(repeating: [], count: fieldCount), count: wordCount)
    }

    mutating func read(
        _ cursor: inout ExactPhraseCursor, word: Int, _ positionBytes: UnsafeBufferPointer<UInt8>,
        _ forms: UnsafeBufferPointer<UInt8>
    ) {
        cursor.read(positions: &positions[word], isWanted: &isWanted[word], positionBytes, forms)
    }

    /// How many places in `field` have every word at its offset, in its wanted form, given the
    /// field's stop words. The places are the first content word's positions, or the field's
    /// stop-word positions (as the phrase's first word) when the phrase has only stop words.
    func count(field: Int, cursors: [ExactPhraseCursor], stops stopField: StopWordMap.Field) -> Int {
        var count = 0
        if positions.isEmpty {
            stopField.forEachStopWordPosition { position in
                if hasStopWords(at: position - stops[0].offset, stopField) { count += 1 }
            }
            return count
        }
        outer: for (index, start) in positions[0][field].enumerated() {
            if cursors[0].wanted != nil, !isWanted[0][field][index] { continue }
            let anchor = Int(start) - offsets[0]
            for word in 1..<positions.count {
                let wanted = anchor + offsets[word]
                guard wanted >= 0, let found = positions[word][field].sortedIndex(of: UInt32(wanted)),
                    cursors[word].wanted == nil || isWanted[word][field][found]
                else { continue outer }
            }
            if hasStopWords(at: anchor, stopField) { count += 1 }
        }
        return count
    }

    /// Whether each stop word of the phrase is at `anchor` plus its offset.
    @inline(__always)
    private func hasStopWords(at anchor: Int, _ stopField: StopWordMap.Field) -> Bool {
        SearchIndex.hasStopWords(stops, around: anchor, in: stopField)
    }
}
