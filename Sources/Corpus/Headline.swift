/// Titles for pages that carry none in a field: the first line when it reads as a
/// headline, else the opening sentence, shortened on a word boundary.
enum Headline {
    static let longestHeadline = 150
    static let longestDerivedTitle = 100

    /// A headline is one short line of two to twenty words that starts with a capital, a digit
    /// or a quote, is not a byline, holds no sentence break and ends without the punctuation
    /// that closes or continues a sentence ("?" and "!" are allowed).
    static func isHeadline(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...20).contains(words.count), line.count <= longestHeadline, let first = line.first,
            first.isUppercase || first.isNumber || "\"'“‘".contains(first), let last = line.last,
            !".,;:".contains(last), words[0] != "By"
        else { return false }
        return sentenceEnd(in: line) == nil
    }

    /// The first sentence of `paragraph`, without its final period; when it is longer than
    /// `limit` characters, cut at the last space within the limit and closed with an ellipsis.
    static func fromOpening(of paragraph: String, limit: Int = longestDerivedTitle) -> String {
        var sentence = paragraph[..<(sentenceEnd(in: paragraph) ?? paragraph.endIndex)]
        while let last = sentence.last, last == "." || last == " " { sentence.removeLast() }
        guard sentence.count > limit else { return String(sentence) }
        var cut = sentence.prefix(limit + 1)
        if let space = cut.lastIndex(of: " "), space > cut.startIndex {
            cut = cut[..<space]
        } else {
            cut = cut.prefix(limit)
        }
        while let last = cut.last, ",;:-–—(\"“‘' ".contains(last) { cut.removeLast() }
        return cut + "…"
    }

    /// The index after the first sentence-final mark that is followed by a space and a
    /// capital, digit or quote, not counting the periods of initials ("U.S.", "J. Smith") and
    /// of common abbreviations ("Gen.", "Inc.", "Mar.").
    static func sentenceEnd(in text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character), next < text.endIndex, text[next] == " " {
                let following = text.index(after: next)
                if following < text.endIndex,
                    text[following].isUppercase || text[following].isNumber
                        || "\"“‘'".contains(text[following]),
                    character != "." || !endsAbbreviation(text[..<index])
                {
                    return next
                }
            }
            index = next
        }
        return nil
    }

    /// Whether the word just before a period is an initial or a known abbreviation.
    private static func endsAbbreviation(_ text: Substring) -> Bool {
        let word = text.reversed().prefix { !$0.isWhitespace && $0 != "(" && $0 != "\"" && $0 != "“" }
        let token = String(word.reversed())
        if token.count == 1 || token.contains(".") { return true }
        return abbreviations.contains(token.lowercased())
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov",
        "sen", "rep", "pres", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc", "no", "nos", "vs", "etc",
        "approx", "dept", "univ", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "rev", "hon", "fig", "est", "vol", "op", "ave", "blvd", "rd",
    ]
}
