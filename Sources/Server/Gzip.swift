import CZlib

/// gzip (RFC 1952) through the system zlib, a whole body in one call. The output is a function of
/// the input and the level alone (no timestamp, no file name), so a gzipped body can carry a strong
/// validator derived from its identity one.
enum Gzip {
    /// `input` compressed at `level` (1 fastest to 9 smallest), or nil when zlib fails (out of memory).
    static func compress(_ input: [UInt8], level: Int32) -> [UInt8]? {
        var stream = z_stream()
        guard czlib_deflate_init_gzip(&stream, level) == Z_OK else { return nil }
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
}
