/// Cuts the snippets of one page of hits: the best passages of each hit's snippet field for the
/// query leaves it matched. Windows of about `options.length` bytes are scored by the distinct
/// matched terms they hold, then by matches, and chosen best first without overlap; the field's
/// opening stands in when no term of the query occurs in it.
///
/// Only the parts of a text that can hold a match or a passage's edge are analysed: the words whose
/// raw opening may belong to a wanted term (`TermOpenings`, a byte scan), and the words next to
/// each passage's edges. One highlighter serves a page: its workspace stems repeated words once.
struct Highlighter {
    private let index: SearchIndex
    private let leaves: [MatchedLeaf]
    private let options: SnippetOptions
    /// The openings of every leaf's terms: a hit's own terms are some of them.
    private let openings: TermOpenings
    /// The distinct names of every leaf's terms, and per leaf, per term, its number among them.
    private let termNames: [String]
    private let leafTermNumbers: [[Int]]
    private var analysis: RangeAnalysis

    init(index: SearchIndex, leaves: [MatchedLeaf], options: SnippetOptions) {
        self.index = index
        self.leaves = leaves
        self.options = options
        analysis = RangeAnalysis(analyzer: index.analyzer)
        var numbers: [String: Int] = [:]
        var names: [String] = []
        leafTermNumbers = leaves.map { leaf in
            leaf.terms.map { term in
                let name = index.dictionary.terms[Int(term)]
                if let number = numbers[name] { return number }
                numbers[name] = names.count
                names.append(name)
                return names.count - 1
            }
        }
        termNames = names
        openings = TermOpenings(names)
    }

    mutating func snippets(for doc: Int) -> [Snippet] {
        guard options.count > 0, let field = index.schema.textFieldIndex(index.schema.snippetField) else { return [] }
        // Per term of `termNames`, its number among this hit's wanted terms (-1: not wanted), and
        // per wanted term, the forms quoted phrases want of it (nil when any form is wanted).
        var wanted = [Int](repeating: -1, count: termNames.count)
        var wantedCount = 0
        var forms: [Set<String>?] = []
        for (leafNumber, leaf) in leaves.enumerated() where leaf.contains(Int32(doc)) {
            for (position, term) in leafTermNumbers[leafNumber].enumerated() {
                if wanted[term] < 0 {
                    wanted[term] = wantedCount
                    wantedCount += 1
                    forms.append([])
                }
                if let leafForms = leaf.forms {
                    forms[wanted[term]]?.insert(leafForms[position])
                } else {
                    forms[wanted[term]] = nil
                }
            }
        }
        let length = max(options.length, 20)
        let count = options.count
        let openings = openings
        return Tokenizer.withUTF8(index.storedText[field][doc]) { text in
            guard !text.isEmpty else { return [] }
            let matches = Self.keepingWantedForms(
                wantedCount == 0
                    ? [] : analysis.matches(in: text, wanted: wanted, names: termNames, openings: openings),
                forms: forms, in: text)
            guard !matches.isEmpty else {
                return Self.opening(of: text, length: length, analysis: &analysis).map { [$0] } ?? []
            }
            return Self.passages(
                of: text, matches: matches, termCount: wantedCount, count: count, length: length,
                analysis: &analysis)
        }
    }

    /// The analyzer with its own scanner and workspace, lent to the static parts below, and what
    /// the workspace's term numbers stand for.
    private struct RangeAnalysis {
        let analyzer: Analyzer
        var scanner = TokenScanner()
        var workspace = AnalysisWorkspace()
        /// Per term number of `workspace`: its number in the highlighter's `termNames`, -1 for no
        /// term of the query, -2 not looked up yet. Valid for `generation` of the workspace.
        private var queryTerms: [Int] = []
        private var generation = 0

        init(analyzer: Analyzer) { self.analyzer = analyzer }

        /// The byte range of every token of `text[range]`, without terms.
        mutating func forEachToken(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Int, Int) -> Void) {
            analyzer.forEachTermNumber(
                in: text, range: range, scanner: &scanner, workspace: &workspace, computingTermsWhere: { _ in false }
            ) { start, end, _ in body(start, end) }
        }

        /// Every token of `text` whose term is wanted (`wanted[number in names] >= 0`), in the
        /// analyzer's order; only the chunks `openings` finds are analysed.
        mutating func matches(
            in text: UnsafeBufferPointer<UInt8>, wanted: [Int], names: [String], openings: TermOpenings
        ) -> [Match] {
            // The tokens with a term, their `term` the workspace's number until resolved below.
            var matches: [Match] = []
            openings.forEachCandidateChunk(in: text) { chunk in
                analyzer.forEachTermNumber(
                    in: text, range: chunk, scanner: &scanner, workspace: &workspace,
                    computingTermsWhere: openings.admits(folded:)
                ) { start, end, number in
                    if let number { matches.append(Match(start: start, end: end, term: number)) }
                }
            }
            var kept = 0
            for match in matches {
                let term = queryTerm(match.term, names: names)
                guard term >= 0, wanted[term] >= 0 else { continue }
                matches[kept] = Match(start: match.start, end: match.end, term: wanted[term])
                kept += 1
            }
            matches.removeLast(matches.count - kept)
            return matches
        }

        /// The number in `names` of the workspace's term `number`, or -1; each term's `String`
        /// is compared once per highlighter, not once per token.
        private mutating func queryTerm(_ number: Int, names: [String]) -> Int {
            let current = workspace.generation(stemming: analyzer.stemming)
            if current != generation {
                queryTerms.removeAll(keepingCapacity: true)
                generation = current
            }
            if number < queryTerms.count, queryTerms[number] != -2 { return queryTerms[number] }
            if number >= queryTerms.count {
                queryTerms.append(contentsOf: repeatElement(-2, count: number + 1 - queryTerms.count))
            }
            let name = workspace.term(number: number, stemming: analyzer.stemming)
            queryTerms[number] = names.firstIndex(of: name) ?? -1
            return queryTerms[number]
        }
    }

    /// A token of the text whose term is one of the wanted ones (`term` is its number there).
    struct Match {
        var start: Int
        var end: Int
        var term: Int
    }

    /// The text's first `length` bytes cut after a word (or its first word when that is longer);
    /// nil when the text holds no word at all.
    private static func opening(
        of text: UnsafeBufferPointer<UInt8>, length: Int, analysis: inout RangeAnalysis
    ) -> Snippet? {
        var first: Int?
        var end: Int?
        let head = 0..<TermOpenings.chunkEnd(in: text, atOrAfter: length)
        analysis.forEachToken(in: text, range: head) { _, tokenEnd in
            if first == nil { first = tokenEnd }
            if tokenEnd <= length { end = tokenEnd }
        }
        if first == nil, head.upperBound < text.count {
            let rest = head.upperBound..<text.count
            analysis.forEachToken(in: text, range: rest) { _, tokenEnd in
                if first == nil { first = tokenEnd }
            }
        }
        guard let cut = end ?? first else { return nil }
        return makeSnippet(text, start: 0, end: cut, marks: [])
    }

    /// Up to `count` passages around the matches, best first.
    private static func passages(
        of text: UnsafeBufferPointer<UInt8>, matches: [Match], termCount: Int, count: Int, length: Int,
        analysis: inout RangeAnalysis
    ) -> [Snippet] {
        struct Window {
            var first: Int
            var last: Int
            var score: Int
        }
        var windows: [Window] = []
        windows.reserveCapacity(matches.count)
        // `seen[term] == position`: the term was already counted in the window starting at `position`.
        var seen = [Int](repeating: -1, count: termCount)
        for position in matches.indices {
            var last = position
            while last + 1 < matches.count, matches[last + 1].end - matches[position].start <= length { last += 1 }
            var distinct = 0
            for index in position...last where seen[matches[index].term] != position {
                seen[matches[index].term] = position
                distinct += 1
            }
            windows.append(Window(first: position, last: last, score: distinct * 1000 + (last - position + 1)))
        }
        windows.sort { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
        var chosen: [(start: Int, end: Int)] = []
        for window in windows where chosen.count < count {
            let start = matches[window.first].start
            let end = matches[window.last].end
            if chosen.contains(where: { start < $0.end && $0.start < end }) { continue }
            let spare = length - (end - start)
            let padded = (
                start: widenedStart(
                    text, start: start, lowest: start - spare / 3, analysis: &analysis),
                end: widenedEnd(
                    text, end: end, highest: end + spare - spare / 3, analysis: &analysis)
            )
            if chosen.contains(where: { padded.start < $0.end && $0.start < padded.end }) {
                chosen.append((start, end))
            } else {
                chosen.append(padded)
            }
        }
        return chosen.map { range in
            let marks = matches.lazy.filter { $0.start >= range.start && $0.end <= range.end }.map {
                ($0.start, $0.end)
            }
            return makeSnippet(text, start: range.start, end: range.end, marks: Array(marks))
        }
    }

    /// The earliest start of a token starting in `lowest..<start`, or `start` when none does (stop
    /// words are not tokens, so a passage never starts on one). Chunks are read forward from the one
    /// holding `lowest`; the first with such a token holds the earliest, so reading stops there.
    private static func widenedStart(
        _ text: UnsafeBufferPointer<UInt8>, start: Int, lowest: Int, analysis: inout RangeAnalysis
    ) -> Int {
        var result = start
        var chunkStart = TermOpenings.chunkStart(in: text, atOrBefore: lowest)
        while chunkStart < start {
            let chunkEnd = TermOpenings.chunkEnd(in: text, atOrAfter: chunkStart)
            analysis.forEachToken(in: text, range: chunkStart..<chunkEnd) { tokenStart, _ in
                if tokenStart >= lowest && tokenStart < result { result = tokenStart }
            }
            if result < start { break }
            chunkStart = chunkEnd
            while chunkStart < text.count, TermOpenings.isSpace(text[chunkStart]) { chunkStart += 1 }
        }
        return result
    }

    /// The latest end of a token ending in `end + 1...highest`, or `end` when none does. Chunks are
    /// read backward from the one holding `highest`; the first with such a token holds the latest.
    private static func widenedEnd(
        _ text: UnsafeBufferPointer<UInt8>, end: Int, highest: Int, analysis: inout RangeAnalysis
    ) -> Int {
        var result = end
        var chunkEnd = TermOpenings.chunkEnd(in: text, atOrAfter: highest)
        while chunkEnd > end {
            let chunkStart = TermOpenings.chunkStart(in: text, atOrBefore: chunkEnd)
            analysis.forEachToken(in: text, range: chunkStart..<chunkEnd) { _, tokenEnd in
                if tokenEnd <= highest && tokenEnd > result { result = tokenEnd }
            }
            if result > end { break }
            chunkEnd = chunkStart
            while chunkEnd > 0, TermOpenings.isSpace(text[chunkEnd - 1]) { chunkEnd -= 1 }
        }
        return result
    }

    private static func makeSnippet(
        _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, marks: [(Int, Int)]
    ) -> Snippet {
        var merged: [Range<Int>] = []
        merged.reserveCapacity(marks.count)
        // Marks come in text order but for a hyphenated word's parts, which start with the whole;
        // merging gives the same ranges in any order of equal starts, so only disorder needs a sort.
        let inOrder = zip(marks, marks.dropFirst()).allSatisfy { $0.0 <= $1.0 }
        for (markStart, markEnd) in inOrder ? marks : marks.sorted(by: { $0.0 < $1.0 }) {
            let range = (markStart - start)..<(markEnd - start)
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return Snippet(
            text: String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self), marks: merged,
            startsMidText: start > 0, endsMidText: end < text.count)
    }
}
