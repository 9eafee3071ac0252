import Testing

@testable import Search

@Suite struct TokenTests {
    @Test func tokensCompareByAllFields() {
        #expect(Token(term: "a", position: 0, start: 0, end: 1) != Token(term: "a", position: 1, start: 0, end: 1))
    }
}
