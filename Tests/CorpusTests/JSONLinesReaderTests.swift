import Testing

@testable import Corpus

@Suite struct JSONLinesReaderTests {
    static let feed =
        (1...50).map { "{\"id\": \"r\($0)\", \"title\": \"Record \($0)\"}" }.joined(separator: "\n") + "\n"

    @Test(arguments: [1, 7, 64, 1_000, 1 << 20])
    func chunksEndOnLineBoundariesAndCoverEverything(size: Int) {
        var bytes = Array(Self.feed.utf8)
        bytes.withUnsafeMutableBufferPointer { mutable in
            let buffer = UnsafeBufferPointer(mutable)
            let chunks = JSONLinesReader.chunks(of: buffer, size: size)
            #expect(chunks.first?.lowerBound == 0)
            #expect(chunks.last?.upperBound == buffer.count)
            for (left, right) in zip(chunks, chunks.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
                #expect(buffer[left.upperBound - 1] == 0x0A)
            }
            var lines = 0
            var articles: [Article] = []
            for chunk in chunks {
                let (outcome, count) = JSONLinesReader.read(UnsafeBufferPointer(rebasing: buffer[chunk]), path: "f")
                articles += outcome.articles.map { article in
                    var shifted = article
                    shifted.origin.line = article.origin.line.map { $0 + lines }
                    return shifted
                }
                lines += count
            }
            #expect(articles.map(\.id) == (1...50).map { "r\($0)" })
            #expect(articles.map(\.origin.line) == (1...50).map { $0 })
        }
    }

    @Test func aByteOrderMarkAndCarriageReturnsAreTolerated() {
        var bytes = [0xEF, 0xBB, 0xBF] + Array("{\"title\": \"A\"}\r\n{\"title\": \"B\"}\r\n".utf8)
        let outcome = bytes.withUnsafeMutableBufferPointer {
            JSONLinesReader.read(UnsafeBufferPointer($0), path: "f").outcome
        }
        #expect(outcome.articles.map(\.title) == ["A", "B"])
        #expect(outcome.skipped.isEmpty)
    }
}
