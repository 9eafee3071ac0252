@testable import Search

/// Snippets by their plain definition, for checking the engine's faster route against: analyse the
/// whole field (stemming every word), keep the tokens whose term the query wants, score windows of
/// `length` bytes by distinct terms then matches, choose the best without overlap, and widen each
/// to the token boundaries within reach. This is the engine's earlier implementation, kept here
/// as the oracle of `SnippetEquivalenceTests`.
enum ReferenceSnippets {
    static func snippets(
        index: SearchIndex, doc: Int, leaves: [MatchedLeaf], options: SnippetOptions,
        workspace: inout AnalysisWorkspace
    ) -> [Snippet] {
        guard options.count > 0, let field = index.schema.textFieldIndex(index.schema.snippetField) else { return [] }
        let text = index.storedText[field][doc]
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return [] }
        var wanted: Set<String> = []
        // The forms quoted phrases want of a term; a term any leaf wants in every form is absent.
        var forms: [String: Set<String>] = [:]
        var anyForm: Set<String> = []
        for leaf in leaves where leaf.docs.contains(Int32(doc)) {
            for (position, term) in leaf.terms.enumerated() {
                let name = index.dictionary.terms[Int(term)]
                wanted.insert(name)
                if let leafForms = leaf.forms {
                    forms[name, default: []].insert(leafForms[position])
                } else {
                    anyForm.insert(name)
                }
            }
        }
        for name in anyForm { forms[name] = nil }
        var tokens: [Token] = []
        index.analyzer.forEachToken(in: text, using: &workspace) { tokens.append($0) }
        guard !tokens.isEmpty else { return [] }
        // Each token's folded, unstemmed word: the unstemmed analysis of the same bytes.
        var folded: [Int: String] = [:]
        for token in Analyzer.exact.tokens(text) { folded[token.start << 32 | token.end] = token.term }
        let matched = tokens.indices.filter { index in
            let token = tokens[index]
            guard wanted.contains(token.term) else { return false }
            guard let allowed = forms[token.term] else { return true }
            return folded[token.start << 32 | token.end].map(allowed.contains) ?? false
        }
        let length = max(options.length, 20)
        guard !matched.isEmpty else {
            let end = tokens.last(where: { $0.end <= length })?.end ?? tokens[0].end
            return [makeSnippet(bytes, start: 0, end: end, marks: [])]
        }
        var windows: [(first: Int, last: Int, score: Int)] = []
        for (position, firstToken) in matched.enumerated() {
            var last = position
            while last + 1 < matched.count, tokens[matched[last + 1]].end - tokens[firstToken].start <= length {
                last += 1
            }
            let terms = Set(matched[position...last].map { tokens[$0].term })
            windows.append((position, last, terms.count * 1000 + (last - position + 1)))
        }
        windows.sort { $0.score != $1.score ? $0.score > $1.score : $0.first < $1.first }
        var chosen: [(start: Int, end: Int)] = []
        for window in windows where chosen.count < options.count {
            let start = tokens[matched[window.first]].start
            let end = tokens[matched[window.last]].end
            if chosen.contains(where: { start < $0.end && $0.start < end }) { continue }
            let spare = length - (end - start)
            let (left, right) = (spare / 3, spare - spare / 3)
            var padded = (start: start, end: end)
            for token in tokens {
                if token.start >= start - left && token.start < padded.start { padded.start = token.start }
                if token.end <= end + right && token.end > padded.end { padded.end = token.end }
            }
            chosen.append(chosen.contains { padded.start < $0.end && $0.start < padded.end } ? (start, end) : padded)
        }
        return chosen.map { range in
            let marks = matched.map { (tokens[$0].start, tokens[$0].end) }
                .filter { $0.0 >= range.start && $0.1 <= range.end }
            return makeSnippet(bytes, start: range.start, end: range.end, marks: marks)
        }
    }

    private static func makeSnippet(_ bytes: [UInt8], start: Int, end: Int, marks: [(Int, Int)]) -> Snippet {
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
        return Snippet(
            text: String(decoding: slice, as: UTF8.self), marks: merged, startsMidText: start > 0,
            endsMidText: end < bytes.count)
    }

    /// The snippet's HTML as the engine first wrote it: escaped text, marks, ellipses.
    static func html(_ snippet: Snippet) -> String {
        let slice = Array(snippet.text.utf8)
        var html = snippet.startsMidText ? "…" : ""
        var cursor = 0
        for mark in snippet.marks {
            html += escaped(slice[cursor..<mark.lowerBound]) + "<mark>" + escaped(slice[mark]) + "</mark>"
            cursor = mark.upperBound
        }
        html += escaped(slice[cursor...])
        if snippet.endsMidText { html += "…" }
        return html
    }

    private static func escaped(_ bytes: ArraySlice<UInt8>) -> String {
        let entities: [UInt8: String] = [
            UInt8(ascii: "&"): "&amp;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: ">"): "&gt;",
            UInt8(ascii: "\""): "&quot;", UInt8(ascii: "'"): "&#39;",
        ]
        return String(decoding: bytes.flatMap { entities[$0].map { Array($0.utf8) } ?? [$0] }, as: UTF8.self)
    }
}
