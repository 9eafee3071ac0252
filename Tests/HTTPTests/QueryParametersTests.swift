import Testing

@testable import HTTP

@Suite struct QueryParametersTests {
    @Test func decodesPercentEscapesAndPlus() {
        let query = QueryParameters("q=pete+hegseth&source=The%20Times&q=%E6%97%A5")
        #expect(query["q"]?.value == "pete hegseth")
        #expect(query["source"]?.value == "The Times")
        #expect(query.all("q").map(\.value) == ["pete hegseth", "日"])
    }

    @Test(arguments: ["limit=%zz", "limit=%4", "limit=%C3%28"])
    func malformedEscapeIsNilNotGuessed(_ query: String) {
        #expect(QueryParameters(query)["limit"]?.value == nil)
    }

    @Test func requestSplitsTargetIntoPathAndQuery() {
        let request = HTTPRequest(method: .get, target: "/v1/articles/a%20b?limit=5#frag")
        #expect(request.path == "/v1/articles/a b")
        #expect(request.query == "limit=5")
        let absolute = HTTPRequest(method: .get, target: "http://example.test/health?x=1")
        #expect(absolute.path == "/health")
        #expect(absolute.query == "x=1")
    }
}
