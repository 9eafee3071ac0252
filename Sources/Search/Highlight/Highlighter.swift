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
    private var analysis: RangeAnalysis

    init(index: SearchIndex, leaves: [MatchedLeaf], options: SnippetOptions) {
        self.index = index
        self.leaves = leaves
        self.options = options
        analysis = RangeAnalysis(analyzer: index.analyzer)
        openings = TermOpenings(leaves.lazy.flatMap(\.terms).map { index.dictionary.terms[Int($0)] })
    }

    mutating func snippets(for doc: Int) -> [Snippet] {
        guard options.count > 0, let field = index.schema.textFieldIndex(index.schema.snippetField) else { return [] }
        var wanted: [String: Int] = [:]
        // Per wanted term, the forms quoted phrases want of it; nil when any form is wanted.
        var forms: [Set<String>?] = []
        for leaf in leaves where leaf.contains(Int32(doc)) {
            for (position, term) in leaf.terms.enumerated() {
                let name = index.dictionary.terms[Int(term)]
                let number = wanted[name] ?? wanted.count
                if number == wanted.count {
                    wanted[name] = number
                    forms.append([])
                }
                if let leafForms = leaf.forms {
                    forms[number]?.insert(leafForms[position])
                } else {
                    forms[number] = nil
                }
            }
        }
        let length = max(options.length, 20)
        let count = options.count
        let openings = openings
        return Tokenizer.withUTF8(index.storedText[field][doc]) { text in
            guard !text.isEmpty else { return [] }
            let matches = Self.keepingWantedForms(
                Self.matches(in: text, wanted: wanted, openings: openings, analysis: &analysis), forms: forms, in: text)
            guard !matches.isEmpty else {
                return Self.opening(of: text, length: length, analysis: &analysis).map { [$0] } ?? []
            }
            return Self.passages(
                of: text, matches: matches, termCount: wanted.count, count: count, length: length, analysis: &analysis)
        }
    }

    /// The analyzer with its own scanner and workspace, lent to the static parts below.
    private struct RangeAnalysis {
        let analyzer: Analyzer
        var scanner = TokenScanner()
        var workspace = AnalysisWorkspace()

        mutating func forEachToken(
            in text: UnsafeBufferPointer<UInt8>, range: Range<Int>,
            computingTermsWhere mayMatch: (UnsafeBufferPointer<UInt8>) -> Bool, _ body: (Token) -> Void
        ) {
            analyzer.forEachToken(
                in: text, range: range, scanner: &scanner, workspace: &workspace, computingTermsWhere: mayMatch, body)
        }
    }

    /// A token of the text whose term is one of the wanted ones (`term` is its number there).
    struct Match {
        var start: Int
        var end: Int
        var term: Int
    }

    /// Every token of `text` with a wanted term, in the analyzer's order.
    private static func matches(
        in text: UnsafeBufferPointer<UInt8>, wanted: [String: Int], openings: TermOpenings,
        analysis: inout RangeAnalysis
    ) -> [Match] {
        guard !wanted.isEmpty else { return [] }
        var matches: [Match] = []
        openings.forEachCandidateChunk(in: text) { chunk in
            analysis.forEachToken(in: text, range: chunk, computingTermsWhere: openings.admits(folded:)) { token in
                guard !token.term.isEmpty, let term = wanted[token.term] else { return }
                matches.append(Match(start: token.start, end: token.end, term: term))
            }
        }
        return matches
    }

    /// The text's first `length` bytes cut after a word (or its first word when that is longer);
    /// nil when the text holds no word at all.
    private static func opening(
        of text: UnsafeBufferPointer<UInt8>, length: Int, analysis: inout RangeAnalysis
    ) -> Snippet? {
        var first: Int?
        var end: Int?
        let head = 0..<TermOpenings.chunkEnd(in: text, atOrAfter: length)
        analysis.forEachToken(in: text, range: head, computingTermsWhere: { _ in false }) { token in
            if first == nil { first = token.end }
            if token.end <= length { end = token.end }
        }
        if first == nil, head.upperBound < text.count {
            let rest = head.upperBound..<text.count
            analysis.forEachToken(in: text, range: rest, computingTermsWhere: { _ in false }) { token in
                if first == nil { first = token.end }
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
            analysis.forEachToken(
                in: text, range: chunkStart..<chunkEnd, computingTermsWhere: { _ in false }
            ) { token in
                if token.start >= lowest && token.start < result { result = token.start }
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
            analysis.forEachToken(
                in: text, range: chunkStart..<chunkEnd, computingTermsWhere: { _ in false }
            ) { token in
                if token.end <= highest && token.end > result { result = token.end }
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
        for (markStart, markEnd) in marks.sorted(by: { $0.0 < $1.0 }) {
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
