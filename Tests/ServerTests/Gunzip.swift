import CZlib

/// Decompresses a whole gzip member with the system zlib, so tests check what a client would read;
/// nil when the bytes are not one valid gzip member.
func gunzip(_ input: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard czlib_inflate_init_gzip(&stream) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    var input = input
    var status: Int32 = Z_OK
    input.withUnsafeMutableBufferPointer { source in
        stream.next_in = source.baseAddress
        stream.avail_in = uInt(source.count)
        while status == Z_OK {
            chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                status = inflate(&stream, Z_NO_FLUSH)
            }
            output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
        }
    }
    return status == Z_STREAM_END && stream.avail_in == 0 ? output : nil
}
