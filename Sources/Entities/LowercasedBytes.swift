/// Lower-casing of a UTF-8 slice without a `String` for the usual case: ASCII is lower-cased into
/// a temporary buffer on the stack; other text goes through `String.lowercased()`, so the bytes
/// handed on are always those of `String(decoding: slice, as: UTF8.self).lowercased()`.
enum LowercasedBytes {
    @inline(__always)
    /// Calls `body` with `context` and the lower-cased bytes of `slice` (`context` is handed
    /// over rather than captured, so that a caller's struct is not copied into the closure).
    static func with<Context, Result>(
        _ slice: UnsafeBufferPointer<UInt8>, _ context: Context, _ body: (Context, UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        // One pass: lower-case into the buffer while gathering the high bits of every byte.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: slice.count) { buffer in
            var high: UInt8 = 0
            for (offset, byte) in slice.enumerated() {
                high |= byte
                buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            guard high < 0x80 else {
                var lowered = String(decoding: slice, as: UTF8.self).lowercased()
                return lowered.withUTF8 { body(context, $0) }
            }
            return body(context, UnsafeBufferPointer(buffer))
        }
    }
}
