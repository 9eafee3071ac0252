extension SearchIndex {
    /// The best passages of `doc`'s snippet field for the leaves it matched: windows of about
    /// `options.length` bytes scored by the distinct matched terms they hold, then by matches, chosen
    /// best first without overlap; the field's opening when no term of the query occurs in it.
    ///
    /// One `workspace` serves all the hits of a page: words repeated across them are stemmed once.
    /// A query has a handful of terms, so a scan of them per token beats hashing every token.
    func snippets(
        for doc: Int, leaves: [MatchedLeaf], options: SnippetOptions, workspace: inout AnalysisWorkspace
    ) -> [Snippet] {
        guard options.count > 0, let field = schema.textFieldIndex(schema.snippetField) else { return [] }
        let text = storedText[field][doc]
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return [] }
        var wanted: [String] = []
        for leaf in leaves where Self.sortedContains(leaf.docs, Int32(doc)) {
            for term in leaf.terms where !wanted.contains(dictionary.terms[Int(term)]) {
                wanted.append(dictionary.terms[Int(term)])
            }
        }
        // Stemming keeps a word's first two bytes (it rewrites endings and leaves at least two
        // letters), except "dying" -> "die" and its kin, where a second "y" becomes "i": a word
        // whose opening starts no wanted term either way cannot match, and is not stemmed.
        let openings = Set(wanted.map { Self.opening($0.utf8) })
        var tokens: [Token] = []
        analyzer.forEachToken(
            in: text, using: &workspace,
            computingTermsWhere: { word in
                let opening = Self.opening(word)
                return openings.contains(opening)
                    || (opening & 0xFF == UInt32(UInt8(ascii: "y")) && openings.contains(opening ^ 0x79 ^ 0x69))
            }
        ) { tokens.append($0) }
        guard !tokens.isEmpty else { return [] }
        let matched = tokens.indices.filter { wanted.contains(tokens[$0].term) }
        let length = max(options.length, 20)
        guard !matched.isEmpty else {
            let end = tokens.last(where: { $0.end <= length })?.end ?? tokens[0].end
            return [makeSnippet(bytes, start: 0, end: end, marks: [])]
        }

        struct Window {
            var first: Int
            var last: Int
            var score: Int
        }
        var windows: [Window] = []
        for (position, firstToken) in matched.enumerated() {
            var last = position
            while last + 1 < matched.count, tokens[matched[last + 1]].end - tokens[firstToken].start <= length {
                last += 1
            }
            let terms = Set(matched[position...last].map { tokens[$0].term })
            windows.append(Window(first: position, last: last, score: terms.count * 1000 + (last - position + 1)))
        }
        windows.sort { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
        var chosen: [(start: Int, end: Int)] = []
        for window in windows where chosen.count < options.count {
            let start = tokens[matched[window.first]].start
            let end = tokens[matched[window.last]].end
            if chosen.contains(where: { start < $0.end && $0.start < end }) { continue }
            let spare = length - (end - start)
            let padded = Self.widen(tokens, start: start, end: end, left: spare / 3, right: spare - spare / 3)
            if chosen.contains(where: { padded.start < $0.end && $0.start < padded.end }) {
                chosen.append((start, end))
            } else {
                chosen.append(padded)
            }
        }
        return chosen.map { range in
            let marks = matched.map { (tokens[$0].start, tokens[$0].end) }
                .filter { $0.0 >= range.start && $0.1 <= range.end }
            return makeSnippet(bytes, start: range.start, end: range.end, marks: marks)
        }
    }

    /// The first two bytes of a word or term (one for a one-byte word), as one number.
    private static func opening<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var iterator = bytes.makeIterator()
        guard let first = iterator.next() else { return 0 }
        return UInt32(first) << 8 | UInt32(iterator.next() ?? 0) | (bytes.count == 1 ? 0x1_0000 : 0)
    }

    /// Moves the bounds outwards by up to `left` and `right` bytes, to the nearest token boundaries.
    private static func widen(_ tokens: [Token], start: Int, end: Int, left: Int, right: Int) -> (start: Int, end: Int)
    {
        var newStart = start
        var newEnd = end
        for token in tokens {
            if token.start >= start - left && token.start < newStart { newStart = token.start }
            if token.end <= end + right && token.end > newEnd { newEnd = token.end }
        }
        return (newStart, newEnd)
    }

    private func makeSnippet(_ bytes: [UInt8], start: Int, end: Int, marks: [(Int, Int)]) -> Snippet {
        var merged: [Range<Int>] = []
        for (markStart, markEnd) in marks.sorted(by: { $0.0 < $1.0 }) {
            let range = (markStart - start)..<(markEnd - start)
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        let slice = Array(bytes[start..<end])
        var html = start > 0 ? "…" : ""
        var cursor = 0
        for mark in merged {
            html += Self.escaped(slice[cursor..<mark.lowerBound])
            html += "<mark>" + Self.escaped(slice[mark]) + "</mark>"
            cursor = mark.upperBound
        }
        html += Self.escaped(slice[cursor...])
        if end < bytes.count { html += "…" }
        return Snippet(
            text: String(decoding: slice, as: UTF8.self), marks: merged, html: html, startsMidText: start > 0,
            endsMidText: end < bytes.count)
    }

    static func escaped(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
