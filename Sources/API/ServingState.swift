import Corpus
import Foundation

/// Everything the endpoints read, derived once from a loaded snapshot and then immutable. A reload
/// builds a new one beside the old and swaps it in whole.
final class ServingState: Sendable {
    let snapshot: Snapshot
    let catalog: ArticleCatalog
    /// The `ETag` of every corpus-derived response: each response is a function of the corpus
    /// version, whether entities were extracted, and its URL alone. Records and suggestions differ
    /// with the setting, so a client that kept an answer from a server with entities must not get a
    /// 304 from the same corpus served without them.
    let etag: String
    /// The body of `GET /v1/stats`, rendered once.
    let stats: [UInt8]
    /// The `ETag` of `/v1/stats`: its body also tells when the corpus was loaded and how many
    /// reloads preceded it, which change on a reload even when the content (the version) does not.
    let statsETag: String
    /// Reloads swapped in since start-up before this state (0 for the start-up load).
    let reloads: Int

    /// The cache sizes are for tests that make slots scarce; the server uses the defaults.
    init(
        snapshot: Snapshot, reloads: Int = 0, recordCacheSlots: Int = RecordCache.defaultSlotCount,
        summaryCacheSlots: Int = SummaryCache.defaultSlotCount
    ) {
        self.snapshot = snapshot
        self.reloads = reloads
        catalog = ArticleCatalog(
            snapshot: snapshot, recordCacheSlots: recordCacheSlots, summaryCacheSlots: summaryCacheSlots)
        etag = snapshot.extractsEntities ? "\"\(snapshot.version)\"" : "\"\(snapshot.version)-without-entities\""
        let loadedMillis = Int64((snapshot.loadedAt.timeIntervalSince1970 * 1000).rounded())
        statsETag = "\"\(snapshot.version)-\(loadedMillis)-\(reloads)\""
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.field("version", snapshot.version)
            json.field("loadedAt", DateBound.format(snapshot.loadedAt))
            json.field("reloads", reloads)
            json.field("articles", snapshot.articles.count)
            json.field("entities", snapshot.entities.entities.count)
            json.field("entityExtraction", snapshot.extractsEntities)
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
