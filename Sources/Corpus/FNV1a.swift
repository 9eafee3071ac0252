/// The 64-bit FNV-1a hash: tiny, fast, and stable across runs and platforms (unlike
/// `Hasher`, which is seeded per process), so ids and versions derived from it are too.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: $0) }
        // A separator byte that UTF-8 text never contains, so ("ab", "c") and ("a", "bc") differ.
        combine(bytes: [0xFF])
    }

    mutating func combine(bytes: some Collection<UInt8>) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// The hash as 16 lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
