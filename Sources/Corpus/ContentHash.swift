/// A 64-bit hash that takes text eight bytes at a time, for fingerprinting a whole corpus
/// (hundreds of megabytes) where byte-at-a-time FNV-1a would dominate the snapshot build.
/// Stable across runs and platforms; not for untrusted keys or cryptography.
struct ContentHash {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index + 8 <= bytes.count {
                var word: UInt64 = 0
                for offset in 0..<8 { word |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
                mix(word)
                index += 8
            }
            var tail: UInt64 = 0
            for offset in 0..<(bytes.count - index) { tail |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
            // The length goes in with the tail, so ("ab", "c") and ("a", "bc") differ.
            mix(tail ^ UInt64(bytes.count) << 56)
        }
    }

    mutating func combine(_ number: UInt64) {
        mix(number)
    }

    private mutating func mix(_ word: UInt64) {
        var hash = (value ^ word) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        value = hash &* 0x94D0_49BB_1331_11EB
    }

    /// The hash as 16 lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
