/// Why a query could not be parsed, and where: `position` is a character offset into the query
/// (0-based, counted in `Character`s), the place where `expected` would have had to appear.
public struct QueryParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Expectation: Sendable, Hashable {
        /// The query was empty or held only operators and spaces.
        case searchTerm
        /// An operator (`OR`, `AND`, `NOT`, `-`) or `(` had nothing after it.
        case termAfter(String)
        /// `OR` or `AND` had nothing before it.
        case termBefore(String)
        case closingQuote
        case closingParenthesis
        /// A `)` with no `(` open.
        case endOfQueryOrOperator
        /// `field:` with nothing usable after it.
        case fieldValue(field: String)
        /// `name:value` where `name` is not a field of the index; the known names are listed.
        case knownField(name: String, known: [String])
        /// `""`: quotes with no word inside.
        case wordInsideQuotes
        /// `word~N` with N other than 1 or 2.
        case editDistance
        /// `*` with fewer than two letters before it.
        case prefixLetters
        /// A phrase or prefix given to a keyword field, or a keyword value given `*`/`~`.
        case plainKeywordValue(field: String)
    }

    public var position: Int
    public var expected: Expectation

    public init(position: Int, expected: Expectation) {
        self.position = position
        self.expected = expected
    }

    public var description: String {
        "expected \(expectationText) at position \(position)"
    }

    private var expectationText: String {
        switch expected {
        case .searchTerm: "a search term"
        case .termAfter(let op): "a term after \(op)"
        case .termBefore(let op): "a term before \(op)"
        case .closingQuote: "a closing quote"
        case .closingParenthesis: "a closing parenthesis"
        case .endOfQueryOrOperator: "the end of the query or an operator, not ')'"
        case .fieldValue(let field): "a word or quoted phrase after \(field):"
        case .knownField(let name, let known):
            "a known field instead of '\(name)' (one of \(known.joined(separator: ", ")))"
        case .wordInsideQuotes: "a word inside the quotes"
        case .editDistance: "an edit distance of 1 or 2 after ~"
        case .prefixLetters: "at least two letters before *"
        case .plainKeywordValue(let field): "a plain value after \(field): (no * or ~)"
        }
    }
}
