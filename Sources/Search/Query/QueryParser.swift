/// How juxtaposed terms combine: `all` words must match (the default) or `any` word may (ranked OR,
/// for long natural-language queries). Explicit `AND`, `OR` and `NOT` mean the same in both.
public enum MatchMode: String, Sendable, Hashable, CaseIterable {
    case all
    case any
}

/// A recursive-descent parser for the query language:
///
///     query    := sequence EOF
///     sequence := either (["AND"] either)*        juxtaposition follows the match mode
///     either   := unary ("OR" unary)*
///     unary    := ("NOT" | "-") unary | primary
///     primary  := "(" sequence ")" | phrase | field ":" (word | phrase) | word ["*" | "~" [1|2]]
///
/// `OR` binds tighter than juxtaposition, as in web search: `election labour OR tory` means
/// election AND (labour OR tory). Operators are upper-case only, so "or" and "not" in natural
/// text stay words.
public struct QueryParser: Sendable {
    public let textFields: [String]
    public let keywordFields: [String]

    public init(textFields: [String], keywordFields: [String]) {
        self.textFields = textFields
        self.keywordFields = keywordFields
    }

    public func parse(_ query: String, match: MatchMode = .all) throws(QueryParseError) -> QueryNode {
        var state = State(chars: Array(query), parser: self, match: match)
        state.skipSpaces()
        if state.atEnd { throw QueryParseError(position: 0, expected: .searchTerm) }
        let node = try state.parseSequence()
        state.skipSpaces()
        if !state.atEnd { throw QueryParseError(position: state.index, expected: .endOfQueryOrOperator) }
        return node
    }
}

extension QueryParser {
    fileprivate struct State {
        let chars: [Character]
        let parser: QueryParser
        let match: MatchMode
        var index = 0

        var atEnd: Bool { index >= chars.count }

        mutating func skipSpaces() {
            while index < chars.count, chars[index].isWhitespace { index += 1 }
        }

        /// Whether an upper-case operator word starts here and ends at a term boundary.
        func isOperator(_ word: String, at position: Int? = nil) -> Bool {
            let start = position ?? index
            let letters = Array(word)
            guard start + letters.count <= chars.count else { return false }
            for (offset, letter) in letters.enumerated() where chars[start + offset] != letter { return false }
            let after = start + letters.count
            return after == chars.count || chars[after].isWhitespace || chars[after] == "(" || chars[after] == "\""
        }

        /// Whether nothing that can start a term comes next.
        func atTermEnd() -> Bool {
            atEnd || chars[index] == ")" || isOperator("OR") || isOperator("AND")
        }

        mutating func parseEither() throws(QueryParseError) -> QueryNode {
            var parts = [try parseUnary()]
            while true {
                skipSpaces()
                guard isOperator("OR") else { break }
                index += 2
                skipSpaces()
                if atTermEnd() { throw QueryParseError(position: index, expected: .termAfter("OR")) }
                parts.append(try parseUnary())
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func parseSequence() throws(QueryParseError) -> QueryNode {
            var groups: [[QueryNode]] = []
            var negations: [QueryNode] = []
            var joinNext = false
            while true {
                skipSpaces()
                if atEnd || chars[index] == ")" { break }
                for op in ["OR", "AND"] where isOperator(op) && !joinNext && groups.isEmpty && negations.isEmpty {
                    throw QueryParseError(position: index, expected: .termBefore(op))
                }
                if isOperator("AND") {
                    index += 3
                    skipSpaces()
                    if atTermEnd() { throw QueryParseError(position: index, expected: .termAfter("AND")) }
                    joinNext = true
                    continue
                }
                let node = try parseEither()
                if case .not = node {
                    negations.append(node)
                } else if joinNext, !groups.isEmpty {
                    groups[groups.count - 1].append(node)
                } else {
                    groups.append([node])
                }
                joinNext = false
            }
            if groups.isEmpty && negations.isEmpty {
                throw QueryParseError(position: index, expected: .searchTerm)
            }
            let positives = groups.map { $0.count == 1 ? $0[0] : QueryNode.and($0) }
            var combined: [QueryNode]
            if match == .all {
                combined = positives.flatMap { node -> [QueryNode] in
                    if case .and(let parts) = node { return parts }
                    return [node]
                }
            } else {
                combined = positives.count > 1 ? [.or(positives)] : positives
            }
            combined += negations
            return combined.count == 1 ? combined[0] : .and(combined)
        }

        mutating func parseUnary() throws(QueryParseError) -> QueryNode {
            if isOperator("NOT") {
                index += 3
                skipSpaces()
                if atTermEnd() { throw QueryParseError(position: index, expected: .termAfter("NOT")) }
                return .not(try parseUnary())
            }
            if chars[index] == "-", index + 1 < chars.count, !chars[index + 1].isWhitespace, chars[index + 1] != ")" {
                index += 1
                return .not(try parsePrimary())
            }
            return try parsePrimary()
        }

        mutating func parsePrimary() throws(QueryParseError) -> QueryNode {
            switch chars[index] {
            case "(":
                index += 1
                skipSpaces()
                if atEnd || chars[index] == ")" {
                    throw QueryParseError(position: index, expected: .termAfter("("))
                }
                let node = try parseSequence()
                skipSpaces()
                guard !atEnd, chars[index] == ")" else {
                    throw QueryParseError(position: index, expected: .closingParenthesis)
                }
                index += 1
                return node
            case "\"":
                return .phrase(try parseQuoted(), field: nil)
            default:
                return try parseWordOrField()
            }
        }

        /// Reads `"..."` starting at the opening quote and returns its words.
        mutating func parseQuoted() throws(QueryParseError) -> [String] {
            let open = index
            index += 1
            guard let close = chars[index...].firstIndex(of: "\"") else {
                throw QueryParseError(position: chars.count, expected: .closingQuote)
            }
            let words = String(chars[index..<close]).split(whereSeparator: \.isWhitespace).map(String.init)
            if words.isEmpty { throw QueryParseError(position: open + 1, expected: .wordInsideQuotes) }
            index = close + 1
            return words
        }

        static func endsWord(_ character: Character) -> Bool {
            character.isWhitespace || character == "(" || character == ")" || character == "\""
        }

        mutating func readWord() -> (text: String, start: Int) {
            let start = index
            while index < chars.count, !Self.endsWord(chars[index]) { index += 1 }
            return (String(chars[start..<index]), start)
        }

        mutating func parseWordOrField() throws(QueryParseError) -> QueryNode {
            let start = index
            var scan = index
            // A field name is letters, digits and `_`, with inner dots before a letter
            // (`entity.person`), so "U.S.:" stays a word.
            while scan < chars.count,
                chars[scan].isLetter || chars[scan].isNumber || chars[scan] == "_"
                    || (chars[scan] == "." && scan > start && scan + 1 < chars.count && chars[scan + 1].isLetter)
            {
                scan += 1
            }
            let hasFieldSyntax =
                scan > start && scan < chars.count && chars[scan] == ":" && chars[start].isLetter
                && scan + 1 < chars.count && !chars[scan + 1].isWhitespace
            if hasFieldSyntax {
                let name = String(chars[start..<scan]).lowercased()
                index = scan + 1
                return try parseFieldValue(name: name, nameStart: start)
            }
            let word = readWord()
            return try wordNode(word.text, start: word.start, field: nil)
        }

        mutating func parseFieldValue(name: String, nameStart: Int) throws(QueryParseError) -> QueryNode {
            let isText = parser.textFields.contains(name)
            let isKeyword = parser.keywordFields.contains(name)
            guard isText || isKeyword else {
                throw QueryParseError(
                    position: nameStart,
                    expected: .knownField(name: name, known: parser.textFields + parser.keywordFields))
            }
            if chars[index] == "\"" {
                let words = try parseQuoted()
                return isText ? .phrase(words, field: name) : .keyword(field: name, value: words.joined(separator: " "))
            }
            if chars[index] == "(" || chars[index] == ")" {
                throw QueryParseError(position: index, expected: .fieldValue(field: name))
            }
            let word = readWord()
            if isKeyword {
                if word.text.hasSuffix("*") || word.text.hasSuffix("~") {
                    throw QueryParseError(position: word.start, expected: .plainKeywordValue(field: name))
                }
                return .keyword(field: name, value: word.text)
            }
            return try wordNode(word.text, start: word.start, field: name)
        }

        func wordNode(_ text: String, start: Int, field: String?) throws(QueryParseError) -> QueryNode {
            if text.hasSuffix("*") {
                let stem = String(text.dropLast())
                if stem.filter({ $0.isLetter || $0.isNumber }).count < 2 {
                    throw QueryParseError(position: start, expected: .prefixLetters)
                }
                return .word(stem, field: field, prefix: true, fuzziness: 0)
            }
            if let tilde = text.lastIndex(of: "~"), tilde != text.startIndex {
                let suffix = text[text.index(after: tilde)...]
                let base = String(text[..<tilde])
                if suffix.isEmpty {
                    return .word(base, field: field, prefix: false, fuzziness: base.count <= 4 ? 1 : 2)
                }
                if suffix.allSatisfy(\.isNumber) {
                    guard suffix == "1" || suffix == "2" else {
                        throw QueryParseError(
                            position: start + text.distance(from: text.startIndex, to: tilde) + 1,
                            expected: .editDistance)
                    }
                    return .word(base, field: field, prefix: false, fuzziness: suffix == "1" ? 1 : 2)
                }
            }
            return .word(text, field: field, prefix: false, fuzziness: 0)
        }
    }
}
