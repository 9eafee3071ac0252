extension Gazetteer {
    /// Whether a lower-case word the dictionary lacks is still an ordinary word: a British
    /// spelling of an American entry ("organisers", "centre", "travelled"). Used only for
    /// capitalised sentence starts, where taking an ordinary word for a name is the costlier
    /// mistake. (Closed compounds such as "dockworkers" were tried and cost more names than they
    /// saved: "Blackburn", "Facebook", "Cornwall".)
    func isCommonWordVariant(_ lowercased: String) -> Bool {
        let bytes = Array(lowercased.utf8)
        guard bytes.count >= 6, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        for (british, american) in Self.spellingSwaps {
            if lowercased.contains(british),
                isCommonWord(lowercased.replacingOccurrences(of: british, with: american))
            {
                return true
            }
        }
        return false
    }

    private static let spellingSwaps: [(String, String)] = [
        ("is", "iz"), ("ys", "yz"), ("our", "or"), ("tre", "ter"), ("ll", "l"), ("ogue", "og"), ("ae", "e"),
        ("oe", "e"), ("ence", "ense"),
    ]
}
