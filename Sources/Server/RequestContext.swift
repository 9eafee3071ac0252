/// What the server knows about a request beyond its bytes.
public struct RequestContext: Sendable {
    /// Echoed from a sane `X-Request-Id`, else generated.
    public var requestID: String
    public var remoteAddress: String
    public var receivedAt: ContinuousClock.Instant
    public var isTLS: Bool

    public init(
        requestID: String, remoteAddress: String = "", receivedAt: ContinuousClock.Instant = .now,
        isTLS: Bool = false
    ) {
        self.requestID = requestID
        self.remoteAddress = remoteAddress
        self.receivedAt = receivedAt
        self.isTLS = isTLS
    }
}
