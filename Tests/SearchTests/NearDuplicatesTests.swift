import Foundation
import TestSupport
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

/// `NearDuplicates.clusters` against its plain definition (a `Dictionary` per band, a cluster list
/// per root, sorted; the same `similarity`), on random signatures drawn from few values so that
/// bands collide often, with empty documents among them.
@Suite struct ClusterDefinitionTests {
    static func plainClusters(signatures: [UInt32], documentCount: Int) -> [[Int32]] {
        let binCount = NearDuplicates.binCount
        var parent = Array(0..<Int32(documentCount))
        func root(_ doc: Int32) -> Int32 {
            var doc = doc
            while parent[Int(doc)] != doc { doc = parent[Int(doc)] }
            return doc
        }
        let empty = (0..<documentCount).map { doc in
            signatures[doc * binCount..<(doc + 1) * binCount].allSatisfy { $0 == .max }
        }
        for band in stride(from: 0, to: binCount, by: NearDuplicates.bandSize) {
            var buckets: [UInt64: Int32] = [:]
            for doc in 0..<documentCount where !empty[doc] {
                var key = UInt64(band)
                for bin in 0..<NearDuplicates.bandSize {
                    key = NearDuplicates.mix(key ^ UInt64(signatures[doc * binCount + band + bin]))
                }
                if let other = buckets[key] {
                    let a = root(other)
                    let b = root(Int32(doc))
                    if a != b, NearDuplicates.similarity(Int(other), doc, signatures) >= NearDuplicates.threshold {
                        parent[Int(max(a, b))] = min(a, b)
                    }
                } else {
                    buckets[key] = Int32(doc)
                }
            }
        }
        var members: [Int32: [Int32]] = [:]
        for doc in 0..<Int32(documentCount) where !empty[Int(doc)] { members[root(doc), default: []].append(doc) }
        return members.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    @Test func agreesWithThePlainDefinition() {
        var random = SeededGenerator(seed: 9)
        var clustered = 0
        for round in 0..<40 {
            let documentCount = [0, 1, 2, 30, 300, 1_000][round % 6]
            // A few prototypes; each document copies one and changes some bins, or is empty.
            let prototypes = (0..<5).map { _ in
                (0..<NearDuplicates.binCount).map { _ in UInt32.random(in: 0..<4, using: &random) }
            }
            var signatures: [UInt32] = []
            for _ in 0..<documentCount {
                if Int.random(in: 0..<10, using: &random) == 0 {
                    signatures += repeatElement(UInt32.max, count: NearDuplicates.binCount)
                    continue
                }
                var signature = prototypes.randomElement(using: &random)!
                for _ in 0..<Int.random(in: 0...24, using: &random) {
                    signature[Int.random(in: 0..<signature.count, using: &random)] = UInt32.random(
                        in: 0..<1_000, using: &random)
                }
                signatures += signature
            }
            let clusters = NearDuplicates.clusters(signatures: signatures, documentCount: documentCount)
            #expect(clusters == Self.plainClusters(signatures: signatures, documentCount: documentCount))
            clustered += clusters.count
        }
        #expect(clustered > 40)
    }
}
