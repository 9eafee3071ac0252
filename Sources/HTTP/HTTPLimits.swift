/// The bounds the parser enforces, passed in so this module need not know the server's
/// configuration type. Each one maps to the status a client gets when it crosses it.
public struct HTTPLimits: Sendable, Hashable {
    /// Longest request line (method, target, version); longer is 414.
    public var maxRequestLineBytes: Int
    /// Bytes of all header lines together (and, separately, of a chunked trailer); more is 431.
    public var maxHeaderBytes: Int
    /// Number of header fields; more is 431.
    public var maxHeaderCount: Int
    /// Decoded request body; more is 413.
    public var maxBodyBytes: Int

    public init(
        maxRequestLineBytes: Int = 8192, maxHeaderBytes: Int = 32768, maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1_048_576
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
