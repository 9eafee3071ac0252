import Dispatch
import Synchronization

extension EntityExtractor {
    /// Extracts many articles on all cores, in chunks so that the lock is taken once per chunk;
    /// results are in input order.
    public func extractAll(_ articles: [(title: String, text: String)]) -> [[EntityMention]] {
        let chunk = 32
        let chunks = (articles.count + chunk - 1) / chunk
        let results = Mutex([[EntityMention]](repeating: [], count: articles.count))
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            let range = (part * chunk)..<min(articles.count, (part + 1) * chunk)
            let extracted = range.map { extract(title: articles[$0].title, text: articles[$0].text) }
            results.withLock { all in
                for (offset, mentions) in extracted.enumerated() { all[range.lowerBound + offset] = mentions }
            }
        }
        return results.withLock { $0 }
    }
}
