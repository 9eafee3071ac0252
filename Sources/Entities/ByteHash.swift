/// FNV-1a over UTF-8 bytes, so that per-token word sets need no `String` per token. ASCII letters
/// can be folded to lower case on the way; other bytes hash as they are.
enum ByteHash {
    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes, lowercasingASCII: Bool = false) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            let folded = lowercasingASCII && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
        }
        return hash
    }
}
