/// Near-duplicate detection with one-permutation MinHash over 3-term shingles of the snippet field
/// and banded LSH: documents whose signatures agree in a whole band become candidates, and
/// candidates whose bins agree at `threshold` or more (an estimate of shingle Jaccard similarity)
/// join one cluster (union-find, so clusters are transitive).
enum NearDuplicates {
    static let binCount = 64
    static let bandSize = 4
    static let threshold: Float = 0.8
    /// Fewer shingles than this and a document is too short to call a duplicate of anything.
    static let minimumShingles = 8

    /// FNV-1a over UTF-8: stable across runs, unlike `Hasher`, so clusters are deterministic.
    static func hash(_ term: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Accumulates one document's signature as its terms stream past.
    struct SignatureBuilder {
        private var previous: (UInt64, UInt64) = (0, 0)
        private var seen = 0
        private var bins = [UInt32](repeating: .max, count: NearDuplicates.binCount)

        mutating func add(_ termHash: UInt64) {
            seen += 1
            defer { previous = (previous.1, termHash) }
            guard seen >= 3 else { return }
            let shingle = NearDuplicates.mix(previous.0 &* 31 &+ previous.1 &* 17 &+ termHash)
            let bin = Int(shingle >> 58)
            let value = UInt32(truncatingIfNeeded: shingle)
            if value < bins[bin] { bins[bin] = value }
        }

        var signature: [UInt32] {
            seen - 2 >= NearDuplicates.minimumShingles ? bins : [UInt32](repeating: .max, count: bins.count)
        }
    }

    /// The share of bins two documents' signatures agree on, among the bins either has filled (an
    /// estimate of their shingles' Jaccard similarity); 0 when neither has any.
    static func similarity(_ a: Int, _ b: Int, _ signatures: [UInt32]) -> Float {
        var agree = 0
        var filled = 0
        for bin in 0..<binCount {
            let x = signatures[a * binCount + bin]
            let y = signatures[b * binCount + bin]
            if x == .max && y == .max { continue }
            filled += 1
            if x == y { agree += 1 }
        }
        return filled == 0 ? 0 : Float(agree) / Float(filled)
    }

    /// Groups documents into clusters of two or more near-duplicates, from signatures laid end to end
    /// (`binCount` values per document). Clusters and their members are in ascending document order.
    static func clusters(signatures: [UInt32], documentCount: Int) -> [[Int32]] {
        var parent = Array(0..<Int32(documentCount))
        func root(_ doc: Int32) -> Int32 {
            var doc = doc
            while parent[Int(doc)] != doc {
                parent[Int(doc)] = parent[Int(parent[Int(doc)])]
                doc = parent[Int(doc)]
            }
            return doc
        }
        let empty = (0..<documentCount).map { doc in
            signatures[doc * binCount] == .max && signatures[doc * binCount + 1] == .max
                && signatures[doc * binCount..<(doc + 1) * binCount].allSatisfy { $0 == .max }
        }
        // Per band, the first document of each band key, in an open-addressing table of its own:
        // the keys are `mix` outputs, so their low bits index it directly (a `Dictionary` hashed
        // each key again, on the one thread that finishes the index).
        var capacity = 1
        while capacity < 2 * documentCount { capacity <<= 1 }
        let mask = capacity - 1
        var keys = [UInt64](repeating: 0, count: capacity)
        var firsts = [Int32](repeating: -1, count: capacity)
        for band in stride(from: 0, to: binCount, by: bandSize) {
            if band > 0 { firsts.withUnsafeMutableBufferPointer { $0.update(repeating: -1) } }
            for doc in 0..<documentCount {
                let base = doc * binCount + band
                if empty[doc] { continue }
                var key: UInt64 = UInt64(band)
                for bin in 0..<bandSize { key = mix(key ^ UInt64(signatures[base + bin])) }
                var slot = Int(truncatingIfNeeded: key) & mask
                while firsts[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
                if firsts[slot] >= 0 {
                    let other = firsts[slot]
                    let a = root(other)
                    let b = root(Int32(doc))
                    if a != b, similarity(Int(other), doc, signatures) >= threshold {
                        parent[Int(max(a, b))] = min(a, b)
                    }
                } else {
                    keys[slot] = key
                    firsts[slot] = Int32(doc)
                }
            }
        }
        // Clusters of two or more, made in the order of their first document, members ascending.
        var sizes = [Int32](repeating: 0, count: documentCount)
        for doc in 0..<Int32(documentCount) where !empty[Int(doc)] { sizes[Int(root(doc))] += 1 }
        var clusterOfRoot = [Int32](repeating: -1, count: documentCount)
        var clusters: [[Int32]] = []
        for doc in 0..<Int32(documentCount) where !empty[Int(doc)] {
            let root = Int(root(doc))
            guard sizes[root] > 1 else { continue }
            if clusterOfRoot[root] < 0 {
                clusterOfRoot[root] = Int32(clusters.count)
                clusters.append([])
            }
            clusters[Int(clusterOfRoot[root])].append(doc)
        }
        return clusters
    }
}
