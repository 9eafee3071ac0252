/// Edit distance (insertions, deletions, substitutions) over UTF-8 bytes, bounded: rows reuse their
/// storage across calls and the computation stops as soon as the bound cannot be met.
struct Levenshtein {
    let target: [UInt8]
    let limit: Int
    private var previous: [Int]
    private var current: [Int]

    init(_ word: String, limit: Int) {
        target = Array(word.utf8)
        self.limit = limit
        previous = Array(repeating: 0, count: target.count + 1)
        current = previous
    }

    /// The distance from `target` to `candidate` when it is at most `limit`, else nil.
    mutating func distance(to candidate: String) -> Int? {
        let width = target.count
        if abs(candidate.utf8.count - width) > limit { return nil }
        for column in 0...width { previous[column] = column }
        var row = 0
        for byte in candidate.utf8 {
            row += 1
            current[0] = row
            var best = row
            for column in 1...max(width, 1) where column <= width {
                let cost = target[column - 1] == byte ? 0 : 1
                let value = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
                current[column] = value
                best = min(best, value)
            }
            if best > limit { return nil }
            swap(&previous, &current)
        }
        return previous[width] <= limit ? previous[width] : nil
    }
}
