import HTTP

/// One accepted connection as its event loop sees it: the transport, the protocol state and the
/// bytes waiting to be written. Owned and touched only by that loop's thread.
final class Connection {
    let fileDescriptor: Int32
    /// Distinguishes this connection from a later one that reuses the same descriptor number, so a
    /// stale epoll event cannot reach it.
    let generation: UInt32
    let transport: any ConnectionTransport
    /// The listener's responder: the application, or the redirect to HTTPS.
    let responder: any HTTPResponder
    let remoteAddress: String
    var state: ConnectionState
    var output: [UInt8] = []
    var outputSent = 0
    /// The epoll interest currently registered, so it is changed only when it must be.
    var registeredEvents: UInt32
    /// When its latest bytes were read (monotonic ns): the start of the logged duration.
    var lastReadAt: UInt64 = 0
    /// The timer-wheel tick this connection is filed under, or `unscheduled`.
    var timerTick = Connection.unscheduled
    /// Bumped at each filing, so only the latest wheel entry counts.
    var timerSerial: UInt32 = 0
    static let unscheduled = UInt64.max
    var isOpen = true
    var isScheduled = false
    var isTLS = false
    /// While a TLS handshake is unfinished: when the connection is cut if it still is (monotonic ns).
    var handshakeDeadline: UInt64?
    /// The transport's last read asked for a writable socket (TLS only); EPOLLOUT then retries it.
    var readWaitsForWritable = false
    /// The transport's last write asked for a readable socket (TLS only); EPOLLIN then retries it.
    var writeWaitsForReadable = false

    init(
        fileDescriptor: Int32, generation: UInt32, transport: any ConnectionTransport, responder: any HTTPResponder,
        remoteAddress: String, state: ConnectionState, registeredEvents: UInt32
    ) {
        self.fileDescriptor = fileDescriptor
        self.generation = generation
        self.transport = transport
        self.responder = responder
        self.remoteAddress = remoteAddress
        self.state = state
        self.registeredEvents = registeredEvents
    }

    var epollToken: UInt64 { UInt64(generation) << 32 | UInt64(UInt32(bitPattern: fileDescriptor)) }

    var hasPendingOutput: Bool { outputSent < output.count }

    /// Called when every queued byte is written: reuse the buffer unless one huge response grew it.
    func resetOutput() {
        output.removeAll(keepingCapacity: output.capacity <= 262_144)
        outputSent = 0
    }
}
