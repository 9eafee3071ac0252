import Testing

@testable import HTTP

/// Behaviour the raw-socket conformance suite (Tests/conformance/conformance.py) found missing.
@Suite struct RequestParserConformanceTests {
    /// RFC 9110 section 2.5: a later minor version of a known major version is read as the highest
    /// one known, not refused with 505.
    @Test func laterMinorVersionIsReadAsHTTP11() {
        let outcomes = parseEverySplit("GET /v HTTP/1.7\r\nHost: a\r\n\r\n")
        #expect(
            outcomes == [.request(method: "GET", target: "/v", version: "HTTP/1.1", headers: ["Host: a"], body: "")])
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/0.9", "HTTP/3.1"])
    func otherMajorVersionsAre505(_ version: String) {
        let outcomes = parseEverySplit("GET / \(version)\r\nHost: a\r\n\r\n")
        #expect(outcomes == [.failure(.unsupportedVersion(version))])
    }

    /// RFC 9112 section 6.1: a coding the server does not implement, with chunked last, is 501;
    /// chunked missing or not last leaves the body's end unknown, which is 400.
    @Test(arguments: [
        ("gzip, chunked", 501), ("deflate,chunked", 501), ("chunked, gzip", 400), ("gzip", 400),
        ("chunked, chunked", 400), ("xchunked", 400),
    ])
    func transferCodingsOtherThanChunked(_ codings: String, _ status: Int) {
        let outcomes = parseEverySplit("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(codings)\r\n\r\n0\r\n\r\n")
        guard case .failure(let error)? = outcomes.last else {
            Issue.record("\(codings): parsed \(outcomes)")
            return
        }
        #expect(error.status.code == status, "\(codings): \(error)")
    }

    @Test func transferCodingsSpreadOverTwoFieldsAreOneList() {
        let outcomes = parseEverySplit(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(outcomes == [.failure(.unknownTransferCoding("gzip"))])
    }
}
