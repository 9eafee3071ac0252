/// How a connection moves bytes: a plain socket, or a TLS session over the same socket. The event
/// loop only sees this, so TLS slots in without touching the HTTP logic. Class-bound so calls
/// through the existential never copy transport state.
protocol ConnectionTransport: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) -> TransportResult
    func write(_ bytes: UnsafeRawBufferPointer) -> TransportResult
    /// Half-close: no more bytes will be sent.
    func shutdownOutput()
    func close()
    /// False while a TLS handshake is still under way; a plain socket is ready at once.
    var isHandshakeComplete: Bool { get }
}

enum TransportResult {
    case bytes(Int)
    /// Nothing can move until the socket is readable; then retry the same call. A plain read
    /// says this for EAGAIN; a TLS write says it when OpenSSL must read first.
    case needsReadable
    /// Nothing can move until the socket is writable; then retry the same call. A plain write
    /// says this for EAGAIN; a TLS read says it when OpenSSL must write first (its handshake).
    case needsWritable
    case endOfStream
    case failed(errno: Int32)
}

extension TransportResult {
    var waitsForReadable: Bool {
        if case .needsReadable = self { true } else { false }
    }

    var waitsForWritable: Bool {
        if case .needsWritable = self { true } else { false }
    }
}
