/// A quoted phrase, matched as typed: what `SearchIndex.exactPhrase` found and what the
/// highlighter marks.
struct ExactPhraseMatch {
    var matches: ScoredDocuments
    /// The phrase's words that are not stop words: their terms, and the folded form each must have.
    var terms: [Int32]
    var forms: [String]
}

extension SearchIndex {
    /// One word of a quoted phrase: its folded form, its term, its position in the phrase, and which
    /// of the term's occurrences it stands for.
    private struct PhraseWord {
        var folded: String
        var term: Int32
        var offset: Int
        var isStopWord: Bool
        var match: ExactForms.Match
    }

    /// Documents holding the words in `fields` as typed: consecutive, folded (case, diacritics,
    /// possessive 's) but not stemmed, stop words included. A hyphenated word is matched through its
    /// parts, as the tokenizer indexes them. nil when the words hold no word at all (only
    /// punctuation): the phrase constrains nothing.
    ///
    /// Scored like one term: frequency the phrase's occurrences per field, idf the sum of its words'
    /// (stop words left out unless the phrase has nothing else).
    func exactPhrase(_ words: [String], fields: [Int]) -> ExactPhraseMatch? {
        guard let phrase = phraseWords(words.joined(separator: " ")) else { return nil }
        let content = phrase.filter { !$0.isStopWord && $0.match != .none }
        let match = ExactPhraseMatch(
            matches: ScoredDocuments(), terms: content.map(\.term), forms: content.map(\.folded))
        guard phrase.allSatisfy({ $0.match != .none }) else { return match }
        let scored = content.isEmpty ? phrase : content
        let idf = scored.reduce(Float(0)) {
            $0
                + BM25Parameters.idf(
                    documentCount: documentCount, documentFrequency: Int(postings.documentFrequencies[Int($1.term)]))
        }
        if phrase.count == 1, phrase[0].match == .every {
            return ExactPhraseMatch(
                matches: scoreTerm(phrase[0].term, fields: fields), terms: match.terms, forms: match.forms)
        }
        return ExactPhraseMatch(
            matches: exactMatches(phrase, idf: idf, fields: fields), terms: match.terms, forms: match.forms)
    }

    /// The phrase's words as the index holds them (parts of hyphenated words, `span == 1`); nil for
    /// none, and a word whose term the index lacks gets `.none`.
    private func phraseWords(_ text: String) -> [PhraseWord]? {
        var words: [PhraseWord] = []
        var workspace = AnalysisWorkspace()
        var scanner = workspace.takeScanner()
        Tokenizer.withUTF8(text) { bytes in
            scanner.scan(bytes) { folded, position, span, _, _ in
                guard span == 1 else { return }
                let form = String(decoding: folded, as: UTF8.self)
                let isStopWord = analyzer.removesStopWords && StopWords.contains(folded)
                let name =
                    isStopWord
                    ? ExactForms.stopWordTerm(form) : workspace.term(for: folded, stemming: analyzer.stemming)
                guard let term = dictionary.id(of: name) else {
                    words.append(
                        PhraseWord(folded: form, term: 0, offset: position, isStopWord: isStopWord, match: .none))
                    return
                }
                let match = isStopWord ? .every : postings.exactForms.match(form, term: term, name: name)
                words.append(
                    PhraseWord(folded: form, term: term, offset: position, isStopWord: isStopWord, match: match))
            }
        }
        guard let first = words.first else { return nil }
        return words.map { word in
            var word = word
            word.offset -= first.offset
            return word
        }
    }

    /// Documents where every word occurs at its offset from the first within one field, in its
    /// wanted form; scored as one term of frequency the phrase's count per field.
    private func exactMatches(_ words: [PhraseWord], idf: Float, fields: [Int]) -> ScoredDocuments {
        let fieldCount = schema.textFields.count
        let k1 = parameters.k1
        // Walk the rarest term first so the others mostly skip.
        let order = words.indices.sorted {
            postings.documentFrequencies[Int(words[$0].term)] < postings.documentFrequencies[Int(words[$1].term)]
        }
        var cursors = order.map { index in
            let word = words[index]
            let wanted: UInt32? = if case .ordinal(let ordinal) = word.match { ordinal } else { nil }
            return ExactPhraseCursor(postings: postings, term: word.term, wanted: wanted)
        }
        let offsets = order.map { words[$0].offset }
        var positions = [[[UInt32]]](repeating: Array(repeating: [], count: fieldCount), count: words.count)
        var isWanted = [[[Bool]]](repeating: Array(repeating: [], count: fieldCount), count: words.count)
        var result = ScoredDocuments()
        postings.documents.withUnsafeBufferPointer { documents in
            postings.positions.withUnsafeBufferPointer { positionBytes in
                postings.exactForms.stream.withUnsafeBufferPointer { forms in
                    norms.withUnsafeBufferPointer { norms in
                        var target: Int32 = 0
                        search: while true {
                            for index in cursors.indices {
                                guard cursors[index].advance(to: target, documents, positionBytes) else { break search }
                                if cursors[index].doc > target {
                                    target = cursors[index].doc
                                    continue search
                                }
                            }
                            for index in cursors.indices {
                                cursors[index].read(
                                    positions: &positions[index], isWanted: &isWanted[index], positionBytes, forms)
                            }
                            var weighted: Float = 0
                            for field in fields {
                                let count = Self.exactCount(
                                    positions, isWanted, cursors: cursors, field: field, offsets: offsets)
                                weighted += Float(count) * norms[Int(target) * fieldCount + field]
                            }
                            if weighted > 0 {
                                result.docs.append(target)
                                result.scores.append(idf * weighted / (weighted + k1))
                            }
                            target += 1
                        }
                    }
                }
            }
        }
        return result
    }

    /// How many positions p of the first cursor's word have every word i at p + offsets[i] -
    /// offsets[0] in `field`, each in its wanted form.
    private static func exactCount(
        _ positions: [[[UInt32]]], _ isWanted: [[[Bool]]], cursors: [ExactPhraseCursor], field: Int, offsets: [Int]
    ) -> Int {
        var count = 0
        outer: for (index, start) in positions[0][field].enumerated() {
            if cursors[0].wanted != nil, !isWanted[0][field][index] { continue }
            let anchor = Int(start) - offsets[0]
            for word in 1..<positions.count {
                let wanted = anchor + offsets[word]
                guard wanted >= 0, let found = Self.sortedIndex(of: UInt32(wanted), in: positions[word][field]),
                    cursors[word].wanted == nil || isWanted[word][field][found]
                else { continue outer }
            }
            count += 1
        }
        return count
    }

    private static func sortedIndex(of value: UInt32, in values: [UInt32]) -> Int? {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < values.count && values[low] == value ? low : nil
    }
}
