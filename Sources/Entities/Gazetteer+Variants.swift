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

    /// `isCommonWordVariant` of the word with these UTF-8 bytes; each swapped spelling is written
    /// into one buffer on the stack (no swap makes a word longer), not into an array of its own.
    func isCommonWordVariant(_ lowercased: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lowercased.count >= 6, lowercased.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lowercased.count) { buffer in
            for (british, american) in Self.spellingSwaps {
                if let length = Self.replacing(british, with: american, in: lowercased, into: buffer),
                    isCommonWord(UnsafeBufferPointer(rebasing: buffer[..<length]))
                {
                    return true
                }
            }
            return false
        }
    }

    /// Writes `bytes` with every occurrence of `pattern` replaced, left to right and not
    /// overlapping, into `buffer` and returns the length written, or nil when there is none: plain
    /// byte matching, which is all that ASCII letters need. `replacement` is no longer than
    /// `pattern`, so `buffer` needs no more room than `bytes` takes.
    static func replacing(
        _ pattern: [UInt8], with replacement: [UInt8], in bytes: UnsafeBufferPointer<UInt8>,
        into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        precondition(replacement.count <= pattern.count, "a replacement longer than its pattern overruns the buffer")
        guard let first = pattern.first, bytes.contains(first) else { return nil }
        var written = 0
        var index = 0
        var found = false
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                for byte in replacement {
                    buffer[written] = byte
                    written += 1
                }
                index += pattern.count
                found = true
            } else {
                buffer[written] = bytes[index]
                written += 1
                index += 1
            }
        }
        return found ? written : nil
    }

    /// British spellings and their American forms, none longer than the British one.
    static let spellingSwaps: [([UInt8], [UInt8])] = [
        ("is", "iz"), ("ys", "yz"), ("our", "or"), ("tre", "ter"), ("ll", "l"), ("ogue", "og"), ("ae", "e"),
        ("oe", "e"), ("ence", "ense"),
    ].map { (Array($0.utf8), Array($1.utf8)) }
}
