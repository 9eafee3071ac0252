import Corpus
import Foundation

/// Everything the endpoints read, derived once from a loaded snapshot and then immutable. A reload
/// builds a new one beside the old and swaps it in whole.
final class ServingState: Sendable {
    let snapshot: Snapshot
    let catalog: ArticleCatalog
    /// The `ETag` of every corpus-derived response: each response is a function of the corpus
    /// version and its URL alone.
    let etag: String
    /// The body of `GET /v1/stats`, rendered once.
    let stats: [UInt8]

    init(snapshot: Snapshot) {
        self.snapshot = snapshot
        catalog = ArticleCatalog(snapshot: snapshot)
        etag = "\"\(snapshot.version)\""
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.field("version", snapshot.version)
            json.field("loadedAt", DateBound.format(snapshot.loadedAt))
            json.field("articles", snapshot.articles.count)
            json.field("entities", snapshot.entities.entities.count)
            json.field("terms", snapshot.search.termCount)
            json.field("duplicateClusters", snapshot.search.duplicateClusters.count)
            json.key("indexingSeconds")
            json.object { json in
                json.field("entities", snapshot.indexingSeconds.entities)
                json.field("search", snapshot.indexingSeconds.search)
            }
            json.key("load")
            snapshot.report.write(to: &json)
        }
        stats = json.bytes
    }

    var version: String { snapshot.version }
}
