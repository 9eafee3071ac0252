/// Lower-casing of a UTF-8 slice without a `String` for the usual case: ASCII is lower-cased into
/// a temporary buffer on the stack; other text goes through `String.lowercased()`, so the bytes
/// handed on are always those of `String(decoding: slice, as: UTF8.self).lowercased()`.
enum LowercasedBytes {
    static func with<Result>(
        _ slice: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard slice.allSatisfy({ $0 < 0x80 }) else {
            var lowered = String(decoding: slice, as: UTF8.self).lowercased()
            return lowered.withUTF8(body)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: slice.count) { buffer in
            for (offset, byte) in slice.enumerated() {
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return body(UnsafeBufferPointer(buffer))
        }
    }
}
