import HTTP

/// libFuzzer target for `RequestParser`: the input is parsed whole, then again fed in pieces whose
/// sizes come from the input's first byte, and once a byte at a time. The three must agree
/// request for request and error for error: a parser that answers differently depending on how
/// TCP cut the stream is a smuggling risk. Small limits put every bound within the fuzzer's reach.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = HTTPLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 8, maxBodyBytes: 64)
    let whole = ParseTrace(feeding: [input[...]], limits: limits)
    let stride = Int(input.first ?? 1) % 7 + 1
    let pieces = Swift.stride(from: 0, to: input.count, by: stride).map { input[$0..<min($0 + stride, input.count)] }
    let split = ParseTrace(feeding: pieces, limits: limits)
    let trickled = ParseTrace(feeding: input.indices.map { input[$0...$0] }, limits: limits)
    precondition(split == whole, "split feeding (stride \(stride)) disagrees: \(split) vs \(whole)")
    precondition(trickled == whole, "byte-at-a-time feeding disagrees: \(trickled) vs \(whole)")
    if let error = whole.error {
        precondition((400..<600).contains(error.status.code), "error without a 4xx/5xx status: \(error)")
    }
    return 0
}
