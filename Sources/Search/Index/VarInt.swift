/// LEB128-style variable-length unsigned integers: 7 bits a byte, high bit set on all but the last.
/// Postings store small deltas, so most values take one byte.
enum VarInt {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Decodes one value at `offset` and advances it; the caller guarantees the bytes are well formed.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        var byte = bytes[offset]
        offset += 1
        if byte < 0x80 { return UInt32(byte) }
        var value = UInt32(byte & 0x7f)
        var shift: UInt32 = 7
        repeat {
            byte = bytes[offset]
            offset += 1
            value |= UInt32(byte & 0x7f) << shift
            shift += 7
        } while byte >= 0x80
        return value
    }

    /// Skips `count` values without decoding them.
    @inline(__always)
    static func skip(_ count: Int, in bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) {
        var remaining = count
        while remaining > 0 {
            if bytes[offset] < 0x80 { remaining -= 1 }
            offset += 1
        }
    }
}
