/// A 64-bit hash of UTF-8 bytes, so that word sets and tables need no `String` per word. Reads
/// eight bytes at a time (the last few one by one) and mixes each word with a multiply and a
/// shift, then finishes with MurmurHash3's `fmix64`: a word of news costs one or two steps
/// instead of one multiply per byte.
enum ByteHash {
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                hash = mix(hash, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            if index < bytes.count {
                var tail: UInt64 = 0
                var shift: UInt64 = 0
                while index < bytes.count {
                    tail |= UInt64(base[index]) << shift
                    shift += 8
                    index += 1
                }
                hash = mix(hash, tail)
            }
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }

    /// The hash of any byte sequence (building tables, tests): the same as of its bytes in a buffer.
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        Array(bytes).withUnsafeBufferPointer { of($0) }
    }

    /// The hash of the bytes with ASCII letters folded to lower case (other bytes as they are).
    static func ofLowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() {
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return of(UnsafeBufferPointer(buffer))
        }
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 31)
    }
}
