import Testing

@testable import Search

@Suite struct QueryParserTests {
    let parser = QueryParser(textFields: ["title", "body"], keywordFields: ["source", "category", "entity"])

    func parse(_ query: String, match: MatchMode = .all) throws -> QueryNode {
        try parser.parse(query, match: match)
    }

    @Test func wordsAreAndedByDefault() throws {
        #expect(try parse("missile  defence") == .and([.word("missile"), .word("defence")]))
        #expect(try parse("missile") == .word("missile"))
    }

    @Test func matchAnyMakesJuxtapositionARankedOr() throws {
        #expect(try parse("missile defence", match: .any) == .or([.word("missile"), .word("defence")]))
        #expect(try parse("a b AND c", match: .any) == .or([.word("a"), .and([.word("b"), .word("c")])]))
        #expect(try parse("a b -c", match: .any) == .and([.or([.word("a"), .word("b")]), .not(.word("c"))]))
    }

    @Test func orBindsTighterThanJuxtaposition() throws {
        #expect(
            try parse("election labour OR tory") == .and([.word("election"), .or([.word("labour"), .word("tory")])]))
        #expect(try parse("a OR b OR c") == .or([.word("a"), .word("b"), .word("c")]))
    }

    @Test func explicitAndAndNot() throws {
        #expect(try parse("a AND b") == .and([.word("a"), .word("b")]))
        #expect(try parse("a NOT b") == .and([.word("a"), .not(.word("b"))]))
        #expect(try parse("a -b") == .and([.word("a"), .not(.word("b"))]))
        #expect(try parse("-b") == .not(.word("b")))
        #expect(try parse("NOT NOT b") == .not(.not(.word("b"))))
    }

    @Test func lowerCaseOperatorsAreWords() throws {
        #expect(try parse("war or peace") == .and([.word("war"), .word("or"), .word("peace")]))
        #expect(try parse("ORANGE ANDES") == .and([.word("ORANGE"), .word("ANDES")]))
    }

    @Test func parenthesesGroup() throws {
        #expect(
            try parse("(a OR b) (c OR d)") == .and([.or([.word("a"), .word("b")]), .or([.word("c"), .word("d")])]))
        #expect(try parse("-(a b)") == .not(.and([.word("a"), .word("b")])))
    }

    @Test func phrasesPrefixesAndTypos() throws {
        #expect(try parse("\"air  strike\" now") == .and([.phrase(["air", "strike"], field: nil), .word("now")]))
        #expect(try parse("miss*") == .word("miss", field: nil, prefix: true, fuzziness: 0))
        #expect(try parse("missle~") == .word("missle", field: nil, prefix: false, fuzziness: 2))
        #expect(try parse("cat~") == .word("cat", field: nil, prefix: false, fuzziness: 1))
        #expect(try parse("missle~1") == .word("missle", field: nil, prefix: false, fuzziness: 1))
    }

    @Test func fieldTerms() throws {
        #expect(try parse("title:iran") == .word("iran", field: "title", prefix: false, fuzziness: 0))
        #expect(try parse("TITLE:\"nuclear talks\"") == .phrase(["nuclear", "talks"], field: "title"))
        #expect(try parse("source:bbc") == .keyword(field: "source", value: "bbc"))
        #expect(try parse("entity:\"Kim Jong Un\"") == .keyword(field: "entity", value: "Kim Jong Un"))
        #expect(try parse("title:ira*") == .word("ira", field: "title", prefix: true, fuzziness: 0))
        // A colon followed by a space or a digit-led name is ordinary text, not field syntax.
        #expect(try parse("retrieval: how") == .and([.word("retrieval:"), .word("how")]))
        #expect(try parse("10:30") == .word("10:30"))
    }

    /// Keyword fields such as `entity.person` (one per entity type) are written with their dot.
    @Test func dottedFieldNames() throws {
        let parser = QueryParser(textFields: ["title"], keywordFields: ["entity", "entity.person"])
        #expect(
            try parser.parse("entity.person:person/ada-lovelace")
                == .keyword(field: "entity.person", value: "person/ada-lovelace"))
        #expect(try parser.parse("U.S.:x") == .word("U.S.:x", field: nil, prefix: false, fuzziness: 0))
        #expect(throws: QueryParseError.self) { try parser.parse("entity.place:x") }
    }

    static let errors: [(String, Int, QueryParseError.Expectation)] = [
        ("", 0, .searchTerm),
        ("   ", 0, .searchTerm),
        ("\"air strike", 11, .closingQuote),
        ("iran \"air", 9, .closingQuote),
        ("(a OR b", 7, .closingParenthesis),
        ("a)", 1, .endOfQueryOrOperator),
        ("()", 1, .termAfter("(")),
        ("a OR", 4, .termAfter("OR")),
        ("a OR )", 5, .termAfter("OR")),
        ("OR a", 0, .termBefore("OR")),
        ("AND a", 0, .termBefore("AND")),
        ("a AND", 5, .termAfter("AND")),
        ("a AND OR b", 6, .termAfter("AND")),
        ("a NOT", 5, .termAfter("NOT")),
        ("\"\"", 1, .wordInsideQuotes),
        ("a \" \"", 3, .wordInsideQuotes),
        ("word~3", 5, .editDistance),
        ("a*", 0, .prefixLetters),
        ("x *", 2, .prefixLetters),
        ("title:(a)", 6, .fieldValue(field: "title")),
        ("sorce:bbc", 0, .knownField(name: "sorce", known: ["title", "body", "source", "category", "entity"])),
        ("source:bb*", 7, .plainKeywordValue(field: "source")),
        ("title:\"a b", 10, .closingQuote),
    ]

    @Test(arguments: errors)
    func parseErrorsNamePositionAndExpectation(query: String, position: Int, expected: QueryParseError.Expectation) {
        #expect(throws: QueryParseError(position: position, expected: expected)) { try parse(query) }
    }

    @Test func errorDescriptionReadsForAnAPIMessage() {
        let error = QueryParseError(position: 17, expected: .closingQuote)
        #expect(error.description == "expected a closing quote at position 17")
    }

    @Test func positionsCountCharactersNotBytes() {
        #expect(throws: QueryParseError(position: 10, expected: .closingQuote)) { try parse("café \"thé ") }
    }

    /// Any prefix of a valid query either parses or fails with a position inside it: never a crash.
    @Test func everyPrefixOfAComplexQueryParsesOrFailsInside() {
        let query = "(iran OR \"air strike\") -title:war source:\"BBC News\" miss* typo~2 NOT x"
        let chars = Array(query)
        for end in 0...chars.count {
            let prefix = String(chars[0..<end])
            do {
                _ = try parser.parse(prefix)
            } catch {
                #expect(error.position <= end)
            }
        }
        #expect(throws: Never.self) { try parse(query) }
    }
}
