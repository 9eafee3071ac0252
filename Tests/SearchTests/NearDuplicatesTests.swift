import Foundation
import Testing

@testable import Search

@Suite struct NearDuplicatesTests {
    static let story =
        "The central bank raised its main interest rate by a quarter of a percentage point on Thursday, "
        + "citing persistent inflation in services and a tight labour market, and signalled that further "
        + "increases could follow if wage growth does not slow over the coming months."

    @Test func republishedCopiesClusterAndCollapse() throws {
        let index = try TestCorpus.index([
            .init(title: "Bank raises rates", body: Self.story),
            .init(
                title: "Other", body: "A completely different story about football and a late goal in the cup final."),
            .init(title: "Rates up", body: Self.story + " Reporting by a wire service."),
            .init(title: "Rates up again", body: "UPDATE: " + Self.story),
        ])
        #expect(index.duplicateClusters == [[0, 2, 3]])
        #expect(index.duplicates(of: 2) == [0, 3])
        #expect(index.duplicates(of: 1).isEmpty)

        let collapsed = try index.search(SearchRequest(query: "inflation"))
        #expect(collapsed.total == 1)
        #expect(collapsed.hits.count == 1)
        #expect(collapsed.hits[0].duplicates.count == 2)
        #expect(Set(collapsed.hits[0].duplicates + [collapsed.hits[0].doc]) == [0, 2, 3])

        var all = SearchRequest(query: "inflation")
        all.collapseDuplicates = false
        #expect(try index.search(all).total == 3)
    }

    /// The BBC corpus repeats about 130 bodies; every repeated body must land in one cluster.
    @Test func findsTheRepeatedBBCBodies() throws {
        let path = "/work/shared/corpus/news/bbc.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else {
            print("skipped: \(path) is absent")
            return
        }
        var builder = IndexBuilder(schema: .news)
        var bodies: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let record = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
            let body = record["body"] as? String ?? ""
            bodies.append(body)
            try builder.add(SearchDocument(text: [record["title"] as? String ?? "", body], keywords: [[], [], []]))
        }
        let index = builder.build()
        var byBody: [String: [Int]] = [:]
        for (doc, body) in bodies.enumerated() { byBody[body, default: []].append(doc) }
        let repeated = byBody.values.filter { $0.count > 1 }
        #expect(repeated.count > 100)
        for docs in repeated {
            #expect(Set(index.duplicates(of: docs[0])).isSuperset(of: docs.dropFirst()))
        }
        // Clusters stay small: no runaway merging of merely similar articles.
        #expect(index.duplicateClusters.allSatisfy { $0.count <= 4 })
    }
}
