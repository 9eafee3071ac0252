import Corpus
import Dispatch

/// Every article's summary JSON, rendered once, in one contiguous buffer: one allocation instead of
/// one array per article (each with its header, malloc's rounding and the writer's spare capacity).
struct RenderedSummaries: Sendable {
    private let bytes: [UInt8]
    /// Summary `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private let ends: [Int]
    /// Where summary `i`'s identity fields end, counted from its start (4 bytes an article).
    private let identityEnds: [UInt32]

    /// Renders in parallel, one slice of articles per task, then joins the slices in order.
    init(_ articles: [Article]) {
        let sliceSize = 1_024
        let sliceCount = (articles.count + sliceSize - 1) / sliceSize
        var slices = [(bytes: [UInt8], ends: [Int], identityEnds: [UInt32])](
            repeating: ([], [], []), count: sliceCount)
        slices.withUnsafeMutableBufferPointer { slices in
            // Each task writes only its own slot, so the parallel writes never overlap.
            nonisolated(unsafe) let slices = slices
            DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
                var bytes: [UInt8] = []
                var ends: [Int] = []
                var identityEnds: [UInt32] = []
                for article in articles[(slice * sliceSize)..<min(articles.count, (slice + 1) * sliceSize)] {
                    let (json, identityEnd) = ArticleJSON.summaryAndIdentityEnd(article)
                    bytes.append(contentsOf: json)
                    ends.append(bytes.count)
                    identityEnds.append(UInt32(identityEnd))
                }
                slices[slice] = (bytes, ends, identityEnds)
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(slices.reduce(0) { $0 + $1.bytes.count })
        var ends: [Int] = []
        ends.reserveCapacity(articles.count)
        var identityEnds: [UInt32] = []
        identityEnds.reserveCapacity(articles.count)
        for slice in slices {
            let offset = bytes.count
            bytes.append(contentsOf: slice.bytes)
            ends.append(contentsOf: slice.ends.map { $0 + offset })
            identityEnds.append(contentsOf: slice.identityEnds)
        }
        self.bytes = bytes
        self.ends = ends
        self.identityEnds = identityEnds
    }

    subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Summary `index`'s identity fields (`ArticleJSON.identityFields`), without braces: the
    /// members a search hit starts with.
    func identityFields(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[(start + 1)..<(start + Int(identityEnds[index]))]
    }
}
