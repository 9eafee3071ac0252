extension SearchIndex {
    /// The best passages of `doc`'s snippet field for the leaves it matched: windows of about
    /// `options.length` bytes scored by the distinct matched terms they hold, then by matches, chosen
    /// best first without overlap; the field's opening when no term of the query occurs in it.
    ///
    /// Only the parts of the text that can hold a match or a passage's edge are analysed: words whose
    /// raw opening may belong to a wanted term (`TermOpenings`, a byte scan), and the few dozen bytes
    /// around each chosen passage. One `workspace` serves all the hits of a page.
    func snippets(
        for doc: Int, leaves: [MatchedLeaf], options: SnippetOptions, workspace: inout AnalysisWorkspace
    ) -> [Snippet] {
        guard options.count > 0, let field = schema.textFieldIndex(schema.snippetField) else { return [] }
        var wanted: [String: Int] = [:]
        for leaf in leaves where Self.sortedContains(leaf.docs, Int32(doc)) {
            for term in leaf.terms where wanted[dictionary.terms[Int(term)]] == nil {
                wanted[dictionary.terms[Int(term)]] = wanted.count
            }
        }
        return Tokenizer.withUTF8(storedText[field][doc]) { text in
            guard !text.isEmpty else { return [] }
            let matches = self.matches(in: text, wanted: wanted, workspace: &workspace)
            let length = max(options.length, 20)
            guard !matches.isEmpty else {
                return opening(of: text, length: length, workspace: &workspace).map { [$0] } ?? []
            }
            return passages(
                of: text, matches: matches, termCount: wanted.count, count: options.count, length: length,
                workspace: &workspace)
        }
    }

    /// A token of the text whose term is one of the wanted ones (`term` is its number there).
    private struct Match {
        var start: Int
        var end: Int
        var term: Int
    }

    /// Every token of `text` with a wanted term, in the analyzer's order.
    private func matches(
        in text: UnsafeBufferPointer<UInt8>, wanted: [String: Int], workspace: inout AnalysisWorkspace
    ) -> [Match] {
        guard !wanted.isEmpty else { return [] }
        var matches: [Match] = []
        let openings = TermOpenings(wanted.keys)
        openings.forEachCandidateChunk(in: text) { chunk in
            analyzer.forEachToken(
                in: text, range: chunk, using: &workspace, computingTermsWhere: openings.admits(folded:)
            ) { token in
                guard !token.term.isEmpty, let term = wanted[token.term] else { return }
                matches.append(Match(start: token.start, end: token.end, term: term))
            }
        }
        return matches
    }

    /// The text's first `length` bytes cut after a word (or its first word when that is longer);
    /// nil when the text holds no word at all.
    private func opening(
        of text: UnsafeBufferPointer<UInt8>, length: Int, workspace: inout AnalysisWorkspace
    ) -> Snippet? {
        var first: Int?
        var end: Int?
        let head = 0..<TermOpenings.chunkEnd(in: text, atOrAfter: length)
        analyzer.forEachToken(in: text, range: head, using: &workspace, computingTermsWhere: { _ in false }) { token in
            if first == nil { first = token.end }
            if token.end <= length { end = token.end }
        }
        if first == nil, head.upperBound < text.count {
            let rest = head.upperBound..<text.count
            analyzer.forEachToken(in: text, range: rest, using: &workspace, computingTermsWhere: { _ in false }) {
                token in
                if first == nil { first = token.end }
            }
        }
        guard let cut = end ?? first else { return nil }
        return Self.makeSnippet(text, start: 0, end: cut, marks: [])
    }

    /// Up to `count` passages around the matches, best first.
    private func passages(
        of text: UnsafeBufferPointer<UInt8>, matches: [Match], termCount: Int, count: Int, length: Int,
        workspace: inout AnalysisWorkspace
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
            let padded = widen(
                text, start: start, end: end, left: spare / 3, right: spare - spare / 3, workspace: &workspace)
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
            return Self.makeSnippet(text, start: range.start, end: range.end, marks: Array(marks))
        }
    }

    /// Moves the bounds outwards by up to `left` and `right` bytes, to the furthest token boundaries
    /// within reach (stop words are not tokens, so a passage neither starts nor ends on one).
    private func widen(
        _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, left: Int, right: Int,
        workspace: inout AnalysisWorkspace
    ) -> (start: Int, end: Int) {
        var newStart = start
        var newEnd = end
        let region =
            TermOpenings.chunkStart(
                in: text, atOrBefore: start - left)..<TermOpenings.chunkEnd(
                in: text, atOrAfter: end + right)
        analyzer.forEachToken(in: text, range: region, using: &workspace, computingTermsWhere: { _ in false }) {
            token in
            if token.start >= start - left && token.start < newStart { newStart = token.start }
            if token.end <= end + right && token.end > newEnd { newEnd = token.end }
        }
        return (newStart, newEnd)
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
        let slice = UnsafeBufferPointer(rebasing: text[start..<end])
        var html: [UInt8] = []
        html.reserveCapacity(slice.count + 16 + merged.count * 13)
        if start > 0 { html.append(contentsOf: ellipsis) }
        var cursor = 0
        for mark in merged {
            appendEscaped(slice[cursor..<mark.lowerBound], to: &html)
            html.append(contentsOf: "<mark>".utf8)
            appendEscaped(slice[mark], to: &html)
            html.append(contentsOf: "</mark>".utf8)
            cursor = mark.upperBound
        }
        appendEscaped(slice[cursor...], to: &html)
        if end < text.count { html.append(contentsOf: ellipsis) }
        return Snippet(
            text: String(decoding: slice, as: UTF8.self), marks: merged, html: String(decoding: html, as: UTF8.self),
            startsMidText: start > 0, endsMidText: end < text.count)
    }

    private static let ellipsis = Array("…".utf8)

    /// Appends `bytes` with `&<>"'` escaped for HTML text and attributes.
    private static func appendEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }
}
