import Corpus
import Foundation
import HTTP
import Server

@testable import API

/// A small hand-made corpus and a service over it, answered in memory through the real router.
enum APIFixtures {
    static func date(_ text: String) -> Date { DateBound.parse(text, endOfDay: false)! }

    static let articles: [Article] = [
        article("b-2", "Port strike ends", "2026-05-02", source: "Harbour Times", category: "business"),
        article(
            "a-1", "Chip launch \"Nova\" <delayed> & rescheduled", "2026-03-10", source: "Tech Wire",
            category: "technology"),
        article("c-3", "Summit opens in Lisbon", "2026-06-20", source: "Harbour Times", category: "world"),
        article("d-4", "Chip sales climb", "2026-06-20", source: "Tech Wire", category: "business"),
        article("e-5", "Undated note", nil, source: "Tech Wire", category: "technology"),
    ]

    static func article(_ id: String, _ title: String, _ date: String?, source: String, category: String) -> Article {
        let paragraphs = [
            "\(title). First paragraph about \(source).", "Second paragraph, with ünïcode and a \"quote\".",
        ]
        return Article(
            id: id, title: title, body: paragraphs.joined(separator: "\n\n"), paragraphs: paragraphs,
            published: date.map(Self.date), source: source, category: category,
            metadata: [.init(name: "lang", json: "\"en\"")], origin: .init(path: "fixture.jsonl", line: 1))
    }

    static func service(loaded: Bool = true) -> (NewsdeskService, any HTTPResponder) {
        let service = NewsdeskService(configuration: NewsdeskConfiguration())
        if loaded {
            let report = LoadReport(
                formats: [], filesRead: 1, filesIgnored: 0, articlesLoaded: articles.count, skipped: [], duplicates: [],
                warnings: [], elapsed: .milliseconds(5))
            service.install(
                ServingState(snapshot: Snapshot(articles: articles, report: report, loadedAt: date("2026-07-01"))))
        }
        return (service, service.makeResponder())
    }

    static func get(_ target: String, on responder: any HTTPResponder, headers: [(String, String)] = []) -> HTTPResponse
    {
        responder.respond(
            to: HTTPRequest(method: .get, target: target, headers: HTTPFields(headers)),
            context: RequestContext(requestID: "test", remoteAddress: "127.0.0.1:1", receivedAt: 0))
    }

    static func json(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }
}
