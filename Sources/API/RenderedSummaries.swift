import Corpus
import Dispatch

/// Every article's summary JSON, rendered once, in one contiguous buffer: one allocation instead of
/// one array per article (each with its header, malloc's rounding and the writer's spare capacity).
struct RenderedSummaries: Sendable {
    private let bytes: [UInt8]
    /// Summary `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private let ends: [Int]

    /// Renders in parallel, one slice of articles per task, then joins the slices in order.
    init(_ articles: [Article]) {
        let sliceSize = 1_024
        let sliceCount = (articles.count + sliceSize - 1) / sliceSize
        var slices = [(bytes: [UInt8], ends: [Int])](repeating: ([], []), count: sliceCount)
        slices.withUnsafeMutableBufferPointer { slices in
            // Each task writes only its own slot, so the parallel writes never overlap.
            nonisolated(unsafe) let slices = slices
            DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
                var bytes: [UInt8] = []
                var ends: [Int] = []
                for article in articles[(slice * sliceSize)..<min(articles.count, (slice + 1) * sliceSize)] {
                    bytes.append(contentsOf: ArticleJSON.summary(article))
                    ends.append(bytes.count)
                }
                slices[slice] = (bytes, ends)
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slices.reduce(0) { $0 + $1.bytes.count })
        var ends: [Int] = []
        ends.reserveCapacity(articles.count)
        for slice in slices {
            let offset = bytes.count
            bytes.append(contentsOf: slice.bytes)
            ends.append(contentsOf: slice.ends.map { $0 + offset })
        }
        self.bytes = bytes
        self.ends = ends
    }

    subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
}
