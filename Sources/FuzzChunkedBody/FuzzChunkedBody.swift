import HTTP

/// libFuzzer target for the chunked body decoder inside `RequestParser`: the input follows a fixed
/// head that announces `Transfer-Encoding: chunked`, so every mutation lands on chunk sizes,
/// extensions, chunk data, CRLFs and trailers. Checks: the same outcome whether the bytes come at
/// once or a byte at a time, a decoded body within the limit and never longer than its encoding,
/// and only 4xx errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChunkedBody(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let head = Array("POST /upload HTTP/1.1\r\nHost: fuzz\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
    let encoded = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = HTTPLimits(maxHeaderBytes: 512, maxBodyBytes: 256)
    let whole = decode([(head + encoded)[...]], limits: limits)
    let trickled = decode([head[...]] + encoded.indices.map { encoded[$0...$0] }, limits: limits)
    precondition(whole == trickled, "byte-at-a-time decoding disagrees: \(trickled) vs \(whole)")
    switch whole {
    case .body(let body):
        precondition(body.count <= limits.maxBodyBytes, "body of \(body.count) bytes passed the limit")
        precondition(body.count <= encoded.count, "decoded body longer than its encoding")
    case .failed(let status):
        precondition((400..<500).contains(status), "chunked framing error answered \(status)")
    case .incomplete:
        break
    }
    return 0
}

enum Decoded: Equatable {
    case body([UInt8])
    case failed(status: Int)
    case incomplete
}

/// The first request's body, or the status of the error the parser stopped on.
func decode(_ pieces: [ArraySlice<UInt8>], limits: HTTPLimits) -> Decoded {
    var parser = RequestParser(limits: limits)
    for piece in pieces {
        parser.append(contentsOf: piece)
        do {
            while let event = try parser.next() {
                if case .request(let request) = event { return .body(request.body) }
            }
        } catch {
            return .failed(status: error.status.code)
        }
    }
    return .incomplete
}
