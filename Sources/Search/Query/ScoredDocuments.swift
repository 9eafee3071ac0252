/// A set of matching documents in ascending order with a score each: what every query node
/// evaluates to. Set operations combine scores by sum (AND, OR) or max (term expansions).
struct ScoredDocuments: Sendable {
    var docs: [Int32] = []
    var scores: [Float] = []

    enum Combine {
        case sum
        case max
    }

    var count: Int { docs.count }
    var isEmpty: Bool { docs.isEmpty }

    static func all(_ count: Int) -> ScoredDocuments {
        ScoredDocuments(docs: Array(0..<Int32(count)), scores: Array(repeating: 0, count: count))
    }

    /// Documents in both, scores added; gallops through the longer list when sizes differ a lot.
    static func intersection(_ a: ScoredDocuments, _ b: ScoredDocuments) -> ScoredDocuments {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var result = ScoredDocuments()
        result.docs.reserveCapacity(small.count)
        result.scores.reserveCapacity(small.count)
        var j = 0
        let largeCount = large.count
        for i in 0..<small.count {
            let doc = small.docs[i]
            if j < largeCount, large.docs[j] < doc {
                var step = 1
                var low = j
                while j + step < largeCount, large.docs[j + step] < doc {
                    low = j + step
                    step *= 2
                }
                var high = min(j + step, largeCount)
                low += 1
                while low < high {
                    let mid = (low + high) / 2
                    if large.docs[mid] < doc { low = mid + 1 } else { high = mid }
                }
                j = low
            }
            if j < largeCount, large.docs[j] == doc {
                result.docs.append(doc)
                result.scores.append(small.scores[i] + large.scores[j])
                j += 1
            }
        }
        return result
    }

    /// Documents of `a` not in `b`, with `a`'s scores.
    static func difference(_ a: ScoredDocuments, _ b: ScoredDocuments) -> ScoredDocuments {
        var result = ScoredDocuments()
        result.docs.reserveCapacity(a.count)
        result.scores.reserveCapacity(a.count)
        var j = 0
        for i in 0..<a.count {
            let doc = a.docs[i]
            while j < b.count, b.docs[j] < doc { j += 1 }
            if j < b.count, b.docs[j] == doc { continue }
            result.docs.append(doc)
            result.scores.append(a.scores[i])
        }
        return result
    }

    /// Documents in any; two lists merge, more accumulate into a dense array over all documents.
    static func union(_ lists: [ScoredDocuments], combine: Combine, documentCount: Int) -> ScoredDocuments {
        let lists = lists.filter { !$0.isEmpty }
        if lists.count <= 1 { return lists.first ?? ScoredDocuments() }
        if lists.count == 2 { return merge(lists[0], lists[1], combine: combine) }
        var scores = [Float](repeating: 0, count: documentCount)
        var present = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
        var total = 0
        for list in lists {
            for i in 0..<list.count {
                let doc = Int(list.docs[i])
                let bit = UInt64(1) << UInt64(doc & 63)
                if present[doc >> 6] & bit == 0 {
                    present[doc >> 6] |= bit
                    scores[doc] = list.scores[i]
                    total += 1
                } else {
                    scores[doc] =
                        combine == .sum ? scores[doc] + list.scores[i] : Swift.max(scores[doc], list.scores[i])
                }
            }
        }
        var result = ScoredDocuments()
        result.docs.reserveCapacity(total)
        result.scores.reserveCapacity(total)
        for (word, bits) in present.enumerated() where bits != 0 {
            var bits = bits
            while bits != 0 {
                let doc = word * 64 + bits.trailingZeroBitCount
                result.docs.append(Int32(doc))
                result.scores.append(scores[doc])
                bits &= bits - 1
            }
        }
        return result
    }

    private static func merge(_ a: ScoredDocuments, _ b: ScoredDocuments, combine: Combine) -> ScoredDocuments {
        var result = ScoredDocuments()
        result.docs.reserveCapacity(a.count + b.count)
        result.scores.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a.docs[i] < b.docs[j]) {
                result.docs.append(a.docs[i])
                result.scores.append(a.scores[i])
                i += 1
            } else if i == a.count || b.docs[j] < a.docs[i] {
                result.docs.append(b.docs[j])
                result.scores.append(b.scores[j])
                j += 1
            } else {
                result.docs.append(a.docs[i])
                result.scores.append(combine == .sum ? a.scores[i] + b.scores[j] : Swift.max(a.scores[i], b.scores[j]))
                i += 1
                j += 1
            }
        }
        return result
    }
}
