extension Gazetteer {
    /// Whether a lower-case word the dictionary lacks is still an ordinary word: a British
    /// spelling of an American entry ("organisers", "centre", "travelled"). Used only for
    /// capitalised sentence starts, where taking an ordinary word for a name is the costlier
    /// mistake. (Closed compounds such as "dockworkers" were tried and cost more names than they
    /// saved: "Blackburn", "Facebook", "Cornwall".)
    func isCommonWordVariant(_ lowercased: String) -> Bool {
        var lowercased = lowercased
        return lowercased.withUTF8 { isCommonWordVariant($0) }
    }

    /// `isCommonWordVariant` of the word with these UTF-8 bytes.
    func isCommonWordVariant(_ lowercased: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lowercased.count >= 6, lowercased.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        let bytes = Array(lowercased)
        for (british, american) in Self.spellingSwaps {
            if let swapped = Self.replacing(british, with: american, in: bytes),
                swapped.withUnsafeBufferPointer({ isCommonWord($0) })
            {
                return true
            }
        }
        return false
    }

    /// `bytes` with every occurrence of `pattern` replaced, left to right and not overlapping, or
    /// nil when there is none: plain byte matching, which is all that ASCII letters need.
    static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        var index = 0
        var found = false
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                result += replacement
                index += pattern.count
                found = true
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return found ? result : nil
    }

    static let spellingSwaps: [([UInt8], [UInt8])] = [
        ("is", "iz"), ("ys", "yz"), ("our", "or"), ("tre", "ter"), ("ll", "l"), ("ogue", "og"), ("ae", "e"),
        ("oe", "e"), ("ence", "ense"),
    ].map { (Array($0.utf8), Array($1.utf8)) }
}
