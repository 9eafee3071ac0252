import Testing

@testable import HTTP

/// What a parse produced, in a form tests can compare.
enum ParseOutcome: Equatable, CustomStringConvertible {
    case request(method: String, target: String, version: String, headers: [String], body: String)
    case continueExpected
    case failure(HTTPRequestError)

    init(_ request: HTTPRequest) {
        self = .request(
            method: request.method.description, target: request.target, version: request.version.description,
            headers: request.headers.map { "\($0.name): \($0.value)" },
            body: String(decoding: request.body, as: UTF8.self))
    }

    var description: String {
        switch self {
        case .request(let method, let target, let version, let headers, let body):
            "\(method) \(target) \(version) \(headers) body=\(body.debugDescription)"
        case .continueExpected: "100-continue"
        case .failure(let error): "error(\(error.status.code): \(error))"
        }
    }
}

/// Feeds `input` in the given pieces, draining events after each, and stops at the first error.
func parse(_ pieces: [ArraySlice<UInt8>], limits: HTTPLimits = HTTPLimits()) -> [ParseOutcome] {
    var parser = RequestParser(limits: limits)
    var outcomes: [ParseOutcome] = []
    for piece in pieces {
        parser.append(contentsOf: piece)
        do {
            while let event = try parser.next() {
                switch event {
                case .request(let request): outcomes.append(ParseOutcome(request))
                case .continueExpected: outcomes.append(.continueExpected)
                }
            }
        } catch {
            outcomes.append(.failure(error))
            return outcomes
        }
    }
    return outcomes
}

/// Every way the tests cut an input: whole, at every byte offset into two pieces, and byte at a time.
func everySplit(of text: String) -> [[ArraySlice<UInt8>]] {
    let bytes = Array(text.utf8)
    var splits: [[ArraySlice<UInt8>]] = [[bytes[...]]]
    for offset in 1..<max(bytes.count, 1) {
        splits.append([bytes[..<offset], bytes[offset...]])
    }
    splits.append(bytes.indices.map { bytes[$0...$0] })
    return splits
}

/// Parses every split and checks they agree (ignoring `100 Continue` prompts, which depend on
/// whether the body arrived with the head); returns the whole-input result.
func parseEverySplit(_ text: String, limits: HTTPLimits = HTTPLimits()) -> [ParseOutcome] {
    let splits = everySplit(of: text)
    let expected = parse(splits[0], limits: limits)
    for (index, split) in splits.enumerated().dropFirst() {
        let outcome = parse(split, limits: limits).filter { $0 != .continueExpected }
        #expect(outcome == expected, "split #\(index) (\(split.map(\.count))) differs")
    }
    return expected
}

@Suite struct RequestParserTests {
    @Test func simpleGet() {
        let outcomes = parseEverySplit("GET /v1/articles?limit=5 HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\n\r\n")
        #expect(
            outcomes == [
                .request(
                    method: "GET", target: "/v1/articles?limit=5", version: "HTTP/1.1",
                    headers: ["Host: example.test", "Accept: */*"], body: "")
            ])
    }

    @Test func fieldValuesAreTrimmedAndRepeatsKept() {
        let outcomes = parseEverySplit("GET / HTTP/1.1\r\nHost:a\r\nX-Tag: \t one \t\r\nx-tag: two\r\n\r\n")
        #expect(
            outcomes == [
                .request(
                    method: "GET", target: "/", version: "HTTP/1.1", headers: ["Host: a", "X-Tag: one", "x-tag: two"],
                    body: "")
            ])
    }

    @Test func contentLengthBody() {
        let outcomes = parseEverySplit("POST /in HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world")
        #expect(
            outcomes == [
                .request(
                    method: "POST", target: "/in", version: "HTTP/1.1", headers: ["Host: a", "Content-Length: 11"],
                    body: "hello world")
            ])
    }

    @Test func repeatedEqualContentLengthsAreOneLength() {
        let outcomes = parseEverySplit(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc")
        #expect(outcomes.count == 1)
        guard case .request(_, _, _, _, let body) = outcomes.first else {
            Issue.record("expected a request, got \(outcomes)")
            return
        }
        #expect(body == "abc")
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() {
        let outcomes = parseEverySplit(
            "POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;name=value\r\nWiki\r\n5 ; quoted=\"a b\"\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n"
                + "0;last\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n")
        #expect(
            outcomes == [
                .request(
                    method: "POST", target: "/up", version: "HTTP/1.1",
                    headers: ["Host: a", "Transfer-Encoding: chunked"], body: "Wikipedia in\r\n\r\nchunks.")
            ])
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let outcomes = parseEverySplit(
            "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
                + "POST /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nyo\r\n0\r\n\r\n"
                + "HEAD /4 HTTP/1.0\r\n\r\n")
        let summary = outcomes.map { outcome -> String in
            guard case .request(let method, let target, _, _, let body) = outcome else { return "\(outcome)" }
            return "\(method) \(target) \(body)"
        }
        #expect(summary == ["GET /1 ", "POST /2 hi", "POST /3 yo", "HEAD /4 "])
    }

    @Test func bareLineFeedsAreAcceptedAsLineEnds() {
        let outcomes = parseEverySplit("GET /lf HTTP/1.1\nHost: a\nContent-Length: 2\n\nok")
        #expect(
            outcomes == [
                .request(
                    method: "GET", target: "/lf", version: "HTTP/1.1", headers: ["Host: a", "Content-Length: 2"],
                    body: "ok")
            ])
    }

    @Test func emptyLinesBeforeTheRequestLineAreSkipped() {
        let outcomes = parseEverySplit("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcomes.count == 1)
        #expect(outcomes.allSatisfy { if case .request = $0 { true } else { false } })
    }

    @Test(arguments: ["example.test:8080", "[::1]:80", "127.0.0.1", "xn--bcher-kva.example", ""])
    func validHostsAreAccepted(_ host: String) {
        let outcomes = parseEverySplit("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
        #expect(outcomes.count == 1)
        #expect(outcomes.allSatisfy { if case .request = $0 { true } else { false } })
    }

    @Test func http10NeedsNoHost() {
        let outcomes = parseEverySplit("GET / HTTP/1.0\r\n\r\n")
        #expect(outcomes == [.request(method: "GET", target: "/", version: "HTTP/1.0", headers: [], body: "")])
    }

    @Test(arguments: ["http://example.test/health?x=1", "HTTPS://example.test/"])
    func absoluteFormTargetIsAccepted(_ target: String) {
        let outcomes = parseEverySplit("GET \(target) HTTP/1.1\r\nHost: example.test\r\n\r\n")
        #expect(outcomes.count == 1)
        guard case .request(_, let parsedTarget, _, _, _) = outcomes.first else {
            Issue.record("expected a request, got \(outcomes)")
            return
        }
        #expect(parsedTarget == target)
    }

    @Test func unknownMethodIsKeptForTheServerToAnswer() {
        let outcomes = parseEverySplit("BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(
            outcomes == [.request(method: "BREW", target: "/pot", version: "HTTP/1.1", headers: ["Host: a"], body: "")])
    }

    @Test func continueIsAnnouncedWhenTheHeadArrivesWithoutItsBody() {
        let head = Array("PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 3\r\n\r\n".utf8)
        let outcomes = parse([head[...], Array("abc".utf8)[...]])
        #expect(outcomes.count == 2)
        #expect(outcomes.first == .continueExpected)
        let together = parse([(head + Array("abc".utf8))[...]])
        #expect(together.count == 1, "no 100 Continue once the body is already here")
    }

    @Test func continueIsAnnouncedForChunkedBodies() {
        let head = Array(
            "PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        let outcomes = parse([head[...], Array("1\r\nz\r\n0\r\n\r\n".utf8)[...]])
        #expect(outcomes.first == .continueExpected)
        #expect(outcomes.count == 2)
    }

    @Test func bufferIsReusedAcrossManyRequests() {
        var parser = RequestParser()
        let request = Array("GET /repeat HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var count = 0
        for _ in 0..<2000 {
            parser.append(contentsOf: request)
            while case .request = try? parser.next() { count += 1 }
        }
        #expect(count == 2000)
        #expect(parser.bufferedByteCount == 0)
        #expect(!parser.isMidRequest)
    }

    static let smallLimits = HTTPLimits(
        maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderCount: 4, maxBodyBytes: 16)

    /// Each input must fail with exactly this status, whatever the split.
    static let badInputs: [(String, Int, String)] = [
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello", 400, "CL and TE"),
        ("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", 400, "TE and CL"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400, "differing CL"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello", 400, "differing CL list"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", 400, "non-numeric CL"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400, "negative CL"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n", 400, "signed CL"),
        ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400, "overflowing CL"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\rb\r\n\r\n", 400, "bare CR in value"),
        ("GET / HTTP/1.1\rHost: a\r\n\r\n", 400, "bare CR in request line"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\u{01}b\r\n\r\n", 400, "control byte in value"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Bad: a\u{7F}b\r\n\r\n", 400, "DEL in value"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Long: a\r\n  continued\r\n\r\n", 400, "obs-fold"),
        ("GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400, "leading whitespace on first field"),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400, "whitespace before colon"),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400, "field without colon"),
        ("GET / HTTP/1.1\r\nHost: a\r\n: value\r\n\r\n", 400, "empty field name"),
        ("GET / HTTP/1.1\r\nHost: a\r\nBad(Name): v\r\n\r\n", 400, "non-token field name"),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n", 400,
            "bad chunk size"
        ),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", 400, "empty chunk size"),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4 x\r\nWiki\r\n0\r\n\r\n", 400,
            "junk after size"
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4;a\u{01}\r\nWiki\r\n0\r\n\r\n", 400,
            "CTL in ext"
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWikiXY0\r\n\r\n", 400,
            "no CRLF after data"
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n", 400,
            "chunk size overflow"
        ),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: x\r\n\r\n", 400,
            "bad trailer"
        ),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400, "TE gzip"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501, "TE gzip, chunked"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400, "TE chunked twice"),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
            "TE twice"
        ),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "TE in HTTP/1.0"),
        ("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400, "missing Host"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "two Hosts"),
        ("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, "space in Host"),
        ("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400, "slash in Host"),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "double space"),
        ("GET /\r\nHost: a\r\n\r\n", 400, "HTTP/0.9 form"),
        ("GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n", 400, "four parts"),
        ("G@T / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "non-token method"),
        ("GET foo HTTP/1.1\r\nHost: a\r\n\r\n", 400, "relative target"),
        ("GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400, "asterisk outside OPTIONS"),
        ("GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n", 400, "non-ASCII target"),
        ("GET / HTTQ/1.1\r\nHost: a\r\n\r\n", 400, "bad protocol name"),
        ("GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400, "bad version digits"),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505, "HTTP/2.0"),
        ("GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505, "HTTP/0.9 line"),
        ("GET /" + String(repeating: "a", count: 80) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414, "long request line"),
        ("GET /" + String(repeating: "a", count: 80), 414, "long unfinished request line"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 130) + "\r\n\r\n", 431, "big field"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 130), 431, "big unfinished field"),
        ("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", 431, "too many fields"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 17\r\n\r\n", 413, "CL over limit"),
        (
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n123456789\r\n9\r\n", 413,
            "chunks over limit"
        ),
        ("POST / HTTP/1.1\r\nHost: a\r\nExpect: the-unexpected\r\nContent-Length: 1\r\n\r\nx", 417, "unknown Expect"),
        ("\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 400, "too many empty lines"),
    ]

    @Test(arguments: badInputs)
    func badInputIsRejectedWithItsStatus(_ input: String, _ status: Int, _ label: String) {
        let outcomes = parseEverySplit(input, limits: Self.smallLimits)
        guard case .failure(let error) = outcomes.last else {
            Issue.record("\(label): expected \(status), parsed \(outcomes)")
            return
        }
        #expect(error.status.code == status, "\(label): \(error)")
    }

    @Test func parserStaysFailedAfterAnError() {
        var parser = RequestParser()
        parser.append(contentsOf: Array("GET / HTTP/1.1\r\nHost : a\r\n\r\n".utf8))
        #expect(throws: HTTPRequestError.whitespaceBeforeColon) { try parser.next() }
        parser.append(contentsOf: Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPRequestError.whitespaceBeforeColon) { try parser.next() }
    }

    @Test func errorResponseIsAProblemDocumentNamingTheFault() {
        let response = HTTPRequestError.missingHost.response
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(response.status.code == 400)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(body.contains(#""status":400"#))
        #expect(body.contains("Host"))
    }
}
