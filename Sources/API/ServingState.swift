import Corpus
import Foundation

/// Everything the endpoints read, derived once from a loaded snapshot and then immutable. A reload
/// builds a new one beside the old and swaps it in whole.
final class ServingState: Sendable {
    let catalog: ArticleCatalog
    /// A short hash of the loaded content: the `ETag` of every corpus-derived response, since each
    /// response is a function of the corpus and its URL alone.
    let version: String
    let etag: String
    let loadedAt: Date
    /// The body of `GET /v1/stats`, rendered once.
    let stats: [UInt8]

    init(articles: [Article], version: String, loadedAt: Date, renderReport: (inout JSONWriter) -> Void) {
        catalog = ArticleCatalog(articles: articles)
        self.version = version
        etag = "\"\(version)\""
        self.loadedAt = loadedAt
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.field("version", version)
            json.field("loadedAt", DateBound.format(loadedAt))
            json.field("articles", articles.count)
            json.key("load")
            renderReport(&json)
        }
        stats = json.bytes
    }
}
