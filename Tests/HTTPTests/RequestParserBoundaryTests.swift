import Testing

@testable import HTTP

/// Inputs that sit exactly on a bound, where the answer once depended on how the stream was cut.
/// Both were found by the libFuzzer target `FuzzRequestParser` (Scripts/fuzz/run.sh).
@Suite struct RequestParserBoundaryTests {
    /// A request line of exactly `maxRequestLineBytes`: its CR arriving before its LF used to count
    /// as one byte too many and earn a 414 that the whole input did not.
    @Test func requestLineOfExactlyTheLimitIsAcceptedWhateverTheSplit() {
        let line = "GET /" + String(repeating: "a", count: 64 - 14) + " HTTP/1.1"
        #expect(line.utf8.count == 64)
        let outcomes = parseEverySplit(line + "\r\nHost: a\r\n\r\n", limits: HTTPLimits(maxRequestLineBytes: 64))
        #expect(outcomes.count == 1)
        if case .request(_, let target, _, _, _)? = outcomes.first {
            #expect(target.utf8.count == 64 - 13)
        } else {
            Issue.record("expected the request, got \(outcomes)")
        }
    }

    @Test func requestLineOneByteOverTheLimitIs414WhateverTheSplit() {
        let line = "GET /" + String(repeating: "a", count: 65 - 14) + " HTTP/1.1"
        let outcomes = parseEverySplit(line + "\r\nHost: a\r\n\r\n", limits: HTTPLimits(maxRequestLineBytes: 64))
        #expect(outcomes == [.failure(.requestLineTooLong(limit: 64))])
    }

    /// A chunk-size line longer than the chunk line bound used to pass when it arrived whole and
    /// fail only when it arrived in pieces.
    @Test func overlongChunkExtensionIsRejectedWhateverTheSplit() {
        let extensionText = ";" + String(repeating: "e", count: RequestParser.maxChunkLineBytes)
        let input =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\(extensionText)\r\nx\r\n0\r\n\r\n"
        let pieces = [Array(input.utf8)[...]]
        let trickled = Array(input.utf8).map { [$0][...] }
        #expect(parse(pieces) == [.failure(.invalidChunkExtension)])
        #expect(parse(trickled) == [.failure(.invalidChunkExtension)])
    }

    @Test func chunkExtensionWithinTheBoundIsAccepted() {
        let extensionText = ";" + String(repeating: "e", count: RequestParser.maxChunkLineBytes - 4)
        let input =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\(extensionText)\r\nx\r\n0\r\n\r\n"
        let outcomes = parse([Array(input.utf8)[...]])
        guard case .request(_, _, _, _, let body)? = outcomes.first else {
            Issue.record("expected the request, got \(outcomes)")
            return
        }
        #expect(body == "x")
    }
}
