/// What the server knows about a request beyond its bytes, handed to the responder with it.
public struct RequestContext: Sendable {
    /// The client's `X-Request-Id` when it sent a sane one (1 to 128 of `A-Z a-z 0-9 - _ . :`),
    /// else one the server made; every response carries it back.
    public var requestID: String
    /// The peer as `ip:port` (`[ip]:port` for IPv6).
    public var remoteAddress: String
    /// When the event loop read the request's last bytes: monotonic nanoseconds (CLOCK_MONOTONIC),
    /// comparable only with other monotonic readings. Taken once per wake-up (so up to that batch's
    /// work early) unless the access log is on, which reads the clock per read.
    public var receivedAt: UInt64
    public var isTLS: Bool
    /// The event loop answering it, so per-loop state (metrics) is reached without sharing.
    public var loopIndex: Int

    public init(
        requestID: String, remoteAddress: String, receivedAt: UInt64, isTLS: Bool = false, loopIndex: Int = 0
    ) {
        self.requestID = requestID
        self.remoteAddress = remoteAddress
        self.receivedAt = receivedAt
        self.isTLS = isTLS
        self.loopIndex = loopIndex
    }
}
