import Foundation
import HTTP
import Synchronization
import Testing

@testable import Server

@Suite struct CompressionMiddlewareTests {
    /// Text that compresses well, longer than the default threshold.
    static let json = Array(
        ("{\"items\":["
            + (0..<60).map { "{\"id\":\"article-\($0)\",\"title\":\"Port strike day \($0)\"}" }
            .joined(separator: ",") + "]}").utf8)

    /// The production order: conditional GET outside compression.
    private func responder(
        contentType: String = "application/json", body: [UInt8] = json, etag: String? = "\"v1\"",
        extra: [(String, String)] = [], status: HTTPStatus = .ok, minimumBytes: Int = 1024
    ) -> any HTTPResponder {
        var router = Router()
        router.get("/r") { _, _, _ in
            var response = HTTPResponse(status: status, contentType: contentType, body: body)
            if let etag { response.headers["ETag"] = etag }
            response.headers["Cache-Control"] = "public, max-age=60"
            for (name, value) in extra { response.headers[name] = value }
            return response
        }
        return router.build(
            middleware: [ConditionalGETMiddleware(), CompressionMiddleware(minimumBytes: minimumBytes)]
        ) { status, _ in HTTPResponse(status: status) }
    }

    private func send(
        _ responder: any HTTPResponder, _ headers: [(String, String)], method: HTTPMethod = .get
    )
        -> HTTPResponse
    {
        responder.respond(
            to: HTTPRequest(method: method, target: "/r", headers: HTTPFields(headers)),
            context: RequestContext(requestID: "t", remoteAddress: "127.0.0.1:1", receivedAt: 0))
    }

    @Test func gzipWhenAcceptedWithItsOwnETag() throws {
        let response = send(responder(), [("Accept-Encoding", "gzip, deflate")])
        #expect(response.headers["Content-Encoding"] == "gzip")
        #expect(response.headers["Vary"] == "Accept-Encoding")
        #expect(response.headers["ETag"] == "\"v1-gzip\"")
        #expect(response.headers["Cache-Control"] == "public, max-age=60")
        #expect(response.body.count < Self.json.count / 2)
        #expect(try #require(gunzip(response.body)) == Self.json)
    }

    @Test func identityWithoutAcceptEncodingStillSaysVary() {
        let response = send(responder(), [])
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == "Accept-Encoding")
        #expect(response.headers["ETag"] == "\"v1\"")
        #expect(response.body == Self.json)
    }

    @Test(arguments: ["gzip;q=0", "identity", "br", "*;q=0", "gzip;q=0.2, identity;q=0.9"])
    func identityWhenGzipIsNotPreferred(_ field: String) {
        let response = send(responder(), [("Accept-Encoding", field)])
        #expect(response.headers["Content-Encoding"] == nil, "\(field)")
        #expect(response.body == Self.json)
        #expect(response.headers["Vary"] == "Accept-Encoding")
    }

    @Test func smallBodiesAreNotCompressedButVary() {
        let small = Array("{\"ok\":true}".utf8)
        let response = send(responder(body: small), [("Accept-Encoding", "gzip")])
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == "Accept-Encoding")
        #expect(response.body == small)
    }

    @Test(arguments: ["image/png", "font/woff2", "application/octet-stream", "image/svg+xmlx"])
    func incompressibleTypesAreLeftAloneWithoutVary(_ type: String) {
        let response = send(responder(contentType: type), [("Accept-Encoding", "gzip")])
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == nil)
        #expect(response.headers["ETag"] == "\"v1\"")
    }

    @Test(arguments: [
        "application/json", "application/problem+json", "text/plain; version=0.0.4", "text/html; charset=utf-8",
        "TEXT/CSS", "text/javascript; charset=utf-8", "application/javascript", "image/svg+xml",
        "application/xml", "application/vnd.api+json",
    ])
    func compressibleTypes(_ type: String) {
        #expect(CompressionMiddleware.isCompressible(type))
    }

    @Test func existingContentEncodingIsLeftAlone() {
        let response = send(responder(extra: [("Content-Encoding", "br")]), [("Accept-Encoding", "gzip")])
        #expect(response.headers["Content-Encoding"] == "br")
        #expect(response.body == Self.json)
    }

    @Test func bodilessStatusesAreLeftAlone() {
        let response = send(responder(status: .noContent), [("Accept-Encoding", "gzip")])
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["Vary"] == nil)
    }

    @Test func ifNoneMatchMatchesEachRepresentationItsOwnTag() {
        let server = responder()
        let gzip304 = send(server, [("Accept-Encoding", "gzip"), ("If-None-Match", "\"v1-gzip\"")])
        #expect(gzip304.status == .notModified)
        #expect(gzip304.headers["ETag"] == "\"v1-gzip\"")
        #expect(gzip304.headers["Vary"] == "Accept-Encoding")
        #expect(gzip304.body.isEmpty)
        let identity304 = send(server, [("If-None-Match", "\"v1\"")])
        #expect(identity304.status == .notModified)
        #expect(identity304.headers["ETag"] == "\"v1\"")
        // The client holds the identity copy but now asks for gzip: that is a different representation.
        let switched = send(server, [("Accept-Encoding", "gzip"), ("If-None-Match", "\"v1\"")])
        #expect(switched.status == .ok)
        #expect(switched.headers["Content-Encoding"] == "gzip")
        let back = send(server, [("If-None-Match", "\"v1-gzip\"")])
        #expect(back.status == .ok)
        #expect(back.headers["Content-Encoding"] == nil)
        let weak = send(server, [("Accept-Encoding", "gzip"), ("If-None-Match", "W/\"v1-gzip\"")])
        #expect(weak.status == .notModified)
    }

    @Test func headAnnouncesTheGzipLength() {
        let server = responder()
        let get = send(server, [("Accept-Encoding", "gzip")])
        let head = send(server, [("Accept-Encoding", "gzip")], method: .head)
        #expect(head.headers["Content-Encoding"] == "gzip")
        #expect(head.headers["ETag"] == get.headers["ETag"])
        #expect(head.body.count == get.body.count)
    }

    @Test func weakAndMalformedTags() {
        #expect(CompressionMiddleware.gzipETag("W/\"abc\"") == "W/\"abc-gzip\"")
        #expect(CompressionMiddleware.gzipETag("\"\"") == "\"-gzip\"")
        #expect(CompressionMiddleware.gzipETag("abc") == nil)
        let response = send(responder(etag: "unquoted"), [("Accept-Encoding", "gzip")])
        #expect(response.headers["Content-Encoding"] == "gzip")
        #expect(response.headers["ETag"] == nil)
    }

    @Test func incompressibleBodyGoesAsIsWithTheIdentityTag() {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let response = send(responder(contentType: "text/plain", body: noise), [("Accept-Encoding", "gzip")])
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(response.headers["ETag"] == "\"v1\"")
        #expect(response.body == noise)
    }

    /// Keeps the gzip like a responder's cache would, counting how often it had to compress.
    final class CountingCopy: CompressedCopy {
        let state = Mutex<(calls: Int, kept: [UInt8]?)>((0, nil))

        func gzip(of body: [UInt8], compress: ([UInt8]) -> [UInt8]?) -> [UInt8]? {
            state.withLock { state in
                if let kept = state.kept { return kept }
                state.calls += 1
                state.kept = compress(body)
                return state.kept
            }
        }
    }

    @Test func aCompressedCopyIsFilledOnceAndServedAfter() throws {
        let copy = CountingCopy()
        var router = Router()
        router.get("/r") { _, _, _ in
            var response = HTTPResponse(contentType: "application/json", body: Self.json)
            response.compressedCopy = copy
            return response
        }
        let server = router.build(middleware: [CompressionMiddleware()]) { status, _ in HTTPResponse(status: status) }
        #expect(send(server, []).body == Self.json)
        #expect(copy.state.withLock { $0.calls } == 0)
        let first = send(server, [("Accept-Encoding", "gzip")])
        let second = send(server, [("Accept-Encoding", "gzip")])
        #expect(copy.state.withLock { $0.calls } == 1)
        #expect(first.body == second.body)
        #expect(second.headers["Content-Encoding"] == "gzip")
        #expect(try #require(gunzip(second.body)) == Self.json)
    }

    @Test func gzipIsDeterministicAndRoundTrips() throws {
        for size in [0, 1, 1023, 70_000] {
            let text = Array((0..<size).map { UInt8(ascii: "a") + UInt8($0 * 7 % 26) })
            let first = try #require(Gzip.compress(text, level: 6))
            #expect(first == Gzip.compress(text, level: 6))
            #expect(try #require(gunzip(first)) == text)
        }
    }

    /// Through real sockets: the gzip body and its length as a client reads them off the wire.
    @Test(.timeLimit(.minutes(1))) func gzipOverTheWire() throws {
        try withServer(responder: responder()) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /r HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let gzipped = try client.readResponse()
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(try #require(gunzip(gzipped.body)) == Self.json)
            try client.send("HEAD /r HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n")
            let head = try client.readResponse(bodyExpected: false)
            #expect(head.header("Content-Length") == String(gzipped.body.count))
            try client.send("GET /r HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\nIf-None-Match: \"v1-gzip\"\r\n\r\n")
            let notModified = try client.readResponse()
            #expect(notModified.status == 304)
            #expect(notModified.header("Content-Length") == nil)
            try client.send("GET /r HTTP/1.1\r\nHost: t\r\n\r\n")
            let identity = try client.readResponse()
            #expect(identity.body == Self.json)
            #expect(identity.header("Vary") == "Accept-Encoding")
        }
    }
}
