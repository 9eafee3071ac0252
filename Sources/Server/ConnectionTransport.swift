/// How a connection moves bytes: a plain socket now, a TLS session over the same socket later
/// (issue 5). The event loop only sees this, so TLS slots in without touching the HTTP logic.
/// Class-bound so calls through the existential never copy transport state.
protocol ConnectionTransport: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) -> TransportResult
    func write(_ bytes: UnsafeRawBufferPointer) -> TransportResult
    /// Half-close: no more bytes will be sent.
    func shutdownOutput()
    func close()
}

enum TransportResult {
    case bytes(Int)
    case wouldBlock
    case endOfStream
    case failed(errno: Int32)
}
