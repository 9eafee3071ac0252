import Corpus
import Foundation
import HTTP
import Server
import Testing

@testable import API

/// Caching, compression and metrics as the assembled service answers them, through its real
/// middleware chain.
@Suite struct HTTPBehaviourTests {
    static let paths = [
        "/", "/assets/app.js", "/health", "/ready", "/v1/stats", "/v1/articles", "/v1/articles/a-1",
        "/v1/articles/nope", "/v1/articles?limit=abc", "/v1/search?q=chip", "/v1/entities", "/metrics", "/nowhere",
    ]

    @Test(arguments: paths) func everyResponseSaysHowToCacheIt(_ path: String) {
        let (_, responder) = APIFixtures.service()
        let response = APIFixtures.get(path, on: responder)
        let cacheControl = response.headers["Cache-Control"]
        #expect(cacheControl != nil, "\(path)")
        if response.status.code >= 400 { #expect(cacheControl == "no-store", "\(path)") }
        if ["/health", "/ready", "/metrics"].contains(path) { #expect(cacheControl == "no-store") }
        if path.hasPrefix("/v1/"), response.status == .ok {
            #expect(cacheControl == "max-age=60")
            #expect(response.headers["ETag"] != nil)
        }
    }

    @Test func whileLoadingCorpusRoutesAreNotStored() {
        let (_, responder) = APIFixtures.service(loaded: false)
        let response = APIFixtures.get("/v1/articles", on: responder)
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers["Cache-Control"] == "no-store")
        let metrics = APIFixtures.get("/metrics", on: responder)
        #expect(String(decoding: metrics.body, as: UTF8.self).contains("newsdesk_corpus_loads_total 0"))
    }

    @Test func routerAnswersOptionsWithCacheControl() {
        let (_, responder) = APIFixtures.service()
        let response = responder.respond(
            to: HTTPRequest(method: .options, target: "/v1/articles"),
            context: RequestContext(requestID: "t", remoteAddress: "127.0.0.1:1", receivedAt: 0))
        #expect(response.status == .noContent)
        #expect(response.headers["Cache-Control"] == "no-store")
    }

    @Test func metricsCountRequestsByRouteAndDescribeTheCorpus() {
        let (service, responder) = APIFixtures.service()
        _ = APIFixtures.get("/v1/articles/a-1", on: responder)
        _ = APIFixtures.get("/v1/articles/b-2", on: responder)
        _ = APIFixtures.get("/v1/articles/zzz", on: responder)
        let response = APIFixtures.get("/metrics", on: responder)
        #expect(response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains(#"newsdesk_http_requests_total{route="/v1/articles/{id}",status="200"} 2"#))
        #expect(text.contains(#"newsdesk_http_requests_total{route="/v1/articles/{id}",status="404"} 1"#))
        #expect(text.contains("newsdesk_corpus_articles \(APIFixtures.articles.count)\n"))
        let state = service.state!
        #expect(text.contains("newsdesk_corpus_entities \(state.snapshot.entities.entities.count)\n"))
        #expect(text.contains("newsdesk_corpus_terms \(state.snapshot.search.termCount)\n"))
        #expect(text.contains("newsdesk_corpus_loads_total 1\n"))
    }

    @Test func compressionFollowsTheConfiguration() {
        var configuration = NewsdeskConfiguration()
        let page = { (configuration: NewsdeskConfiguration) in
            APIFixtures.get(
                "/", on: NewsdeskService(configuration: configuration).makeResponder(),
                headers: [("Accept-Encoding", "gzip")])
        }
        let fastest = page(configuration)
        #expect(fastest.headers["Content-Encoding"] == "gzip")
        configuration.compressionLevel = 9
        #expect(page(configuration).body.count <= fastest.body.count)
        configuration.compressionMinimumBytes = 1_000_000
        let large = page(configuration)
        #expect(large.headers["Content-Encoding"] == nil)
        #expect(large.headers["Vary"] == "Accept-Encoding")
        configuration.compressionLevel = 0
        configuration.compressionMinimumBytes = 0
        let off = page(configuration)
        #expect(off.headers["Content-Encoding"] == nil)
        #expect(off.headers["Vary"] == nil)
    }

    @Test func corpusETagsDifferByRepresentationAndBothRevalidate() {
        let (_, responder) = APIFixtures.service()
        let identity = APIFixtures.get("/v1/articles", on: responder)
        let gzip = APIFixtures.get("/v1/articles", on: responder, headers: [("Accept-Encoding", "gzip")])
        #expect(gzip.headers["Content-Encoding"] == "gzip")
        let identityTag = identity.headers["ETag"] ?? ""
        let gzipTag = gzip.headers["ETag"] ?? ""
        #expect(identityTag.hasPrefix("\""))
        #expect(gzipTag == identityTag.dropLast() + "-gzip\"")
        let identity304 = APIFixtures.get("/v1/articles", on: responder, headers: [("If-None-Match", identityTag)])
        #expect(identity304.status == .notModified)
        let gzip304 = APIFixtures.get(
            "/v1/articles", on: responder, headers: [("If-None-Match", gzipTag), ("Accept-Encoding", "gzip")])
        #expect(gzip304.status == .notModified)
        #expect(gzip304.headers["Vary"] == "Accept-Encoding")
    }

    @Test func recordGzipIsKeptWithTheCachedRecordAfterTheFirstGzipRequestOnly() throws {
        var configuration = NewsdeskConfiguration()
        configuration.compressionMinimumBytes = 100
        let service = NewsdeskService(configuration: configuration)
        let report = LoadReport(
            formats: [], filesRead: 1, filesIgnored: 0, articlesLoaded: APIFixtures.articles.count, skipped: [],
            duplicates: [], warnings: [], elapsed: .milliseconds(5))
        service.install(ServingState(snapshot: Snapshot(articles: APIFixtures.articles, report: report)))
        let responder = service.makeResponder()
        let catalog = try #require(service.state?.catalog)
        let a1 = try #require(catalog.index(ofID: "a-1"))
        let b2 = try #require(catalog.index(ofID: "b-2"))
        #expect(!catalog.recordCache.holds(a1) && !catalog.recordCache.holds(b2))
        _ = APIFixtures.get("/v1/articles/b-2", on: responder)
        #expect(catalog.recordCache.holds(b2))
        #expect(!catalog.record(b2).gzip.isFilled)
        let first = APIFixtures.get("/v1/articles/a-1", on: responder, headers: [("Accept-Encoding", "gzip")])
        #expect(first.headers["Content-Encoding"] == "gzip")
        #expect(catalog.record(a1).gzip.isFilled)
        let again = APIFixtures.get("/v1/articles/a-1", on: responder, headers: [("Accept-Encoding", "gzip")])
        #expect(again.body == first.body)
        #expect(!catalog.record(b2).gzip.isFilled)
    }

    @Test func loadsAndReloadsAreCountedWithTheirTime() throws {
        let service = NewsdeskService(configuration: NewsdeskConfiguration())
        service.loadCorpus()
        #expect(service.metricsText().contains("newsdesk_corpus_loads_total 1\n"))
        _ = try service.reloadCorpus()
        let text = service.metricsText()
        #expect(text.contains("newsdesk_corpus_loads_total 2\n"))
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("newsdesk_corpus_load_seconds ") })
        #expect((Double(line.split(separator: " ")[1]) ?? 0) > 0)
    }
}
