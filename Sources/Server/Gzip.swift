import CZlib

/// gzip (RFC 1952) through the system zlib, a whole body in one call. The output is a function of
/// the input and the level alone (no timestamp, no file name), so a gzipped body can carry a strong
/// validator derived from its identity one.
enum Gzip {
    /// `input` compressed at `level` (1 fastest to 9 smallest), or nil when zlib fails (out of memory).
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8]? {
        var stream = z_stream()
        let (windowBits, memoryLevel) = sizing(for: input.count)
        guard czlib_deflate_init_gzip(&stream, level, windowBits, memoryLevel) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        // deflateBound is enough for one Z_FINISH call to complete, whatever the data.
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var finished = false
        let output = input.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                finished = deflate(&stream, Z_FINISH) == Z_STREAM_END
                count = finished ? Int(stream.total_out) : 0
            }
        }
        return finished ? output : nil
    }

    /// A window no larger than the input and a hash table to match: a window beyond the input finds
    /// nothing more, so a 5 KB record is compressed to the same bytes with about 64 KB of zlib state
    /// instead of 256 KB allocated (and its hash table cleared) per call.
    static func sizing(for count: Int) -> (windowBits: Int32, memoryLevel: Int32) {
        var windowBits: Int32 = 9
        while windowBits < 15, 1 << windowBits < count + 262 { windowBits += 1 }
        return (windowBits, max(1, min(8, windowBits - 7)))
    }
}
