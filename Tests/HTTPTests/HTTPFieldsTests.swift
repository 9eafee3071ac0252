import Testing

@testable import HTTP

@Suite struct HTTPFieldsTests {
    @Test func lookupIgnoresASCIICaseAndKeepsRepeats() {
        var fields = HTTPFields([("Content-Length", "5"), ("X-Tag", "a"), ("x-tag", "b")])
        #expect(fields["content-length"] == "5")
        #expect(fields.values(for: "X-TAG") == ["a", "b"])
        fields["X-Tag"] = "c"
        #expect(fields.values(for: "x-tag") == ["c"])
        fields["x-tag"] = nil
        #expect(!fields.contains("X-Tag"))
    }

    @Test func namesThatDifferBeyondCaseDoNotMatch() {
        #expect(!HTTPFields.namesMatch("Host", "Hosts"))
        #expect(!HTTPFields.namesMatch("a-b", "a\rb"))
        #expect(HTTPFields.namesMatch("ETAG", "etag"))
    }
}
