import HTTP
import Testing

@testable import Server

@Suite struct RequestIDGeneratorTests {
    @Test func generatedIDsAreDistinctShortAndAcceptable() {
        var generator = RequestIDGenerator(loopIndex: 3)
        let ids = (0..<1000).map { _ in generator.next() }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.utf8.count <= 15 && RequestIDGenerator.isAcceptable($0) })
    }

    @Test(arguments: ["", "has space", "semi;colon", String(repeating: "a", count: 129), "ünicode"])
    func insaneClientIDsAreReplaced(_ offered: String) {
        var generator = RequestIDGenerator(loopIndex: 0)
        #expect(generator.id(for: HTTPFields([("X-Request-Id", offered)])) != offered)
    }
}
