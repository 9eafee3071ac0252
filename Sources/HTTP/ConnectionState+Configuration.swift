extension ConnectionState {
    /// The bounds of one connection. Durations are nanoseconds, matching the clock the caller feeds.
    public struct Configuration: Sendable, Hashable {
        public var limits: HTTPLimits
        /// From a request's first byte to its complete head (slowloris).
        public var headerTimeout: UInt64
        /// Between body bytes of a request in progress.
        public var bodyTimeout: UInt64
        /// From a request's first byte to its last body byte, however steadily it trickles in: a
        /// client sending one byte a second never trips `bodyTimeout`, but trips this.
        public var requestTimeout: UInt64
        /// A connection with nothing in flight is closed after this.
        public var idleTimeout: UInt64
        /// Queued output that makes no progress for this long is abandoned (slow reader).
        public var writeTimeout: UInt64
        /// How long a closing connection drains unread input after its last response.
        public var lingerTimeout: UInt64
        /// Requests answered in one turn before other connections are served.
        public var maxRequestsPerTurn: Int
        /// Response bytes after which a turn ends early (at least one request is always answered):
        /// under a flood of pipelined large answers, a turn costs the others this much, not
        /// `maxRequestsPerTurn` large answers.
        public var outputBytesPerTurn: Int
        /// Unsent bytes above which reading pauses (backpressure).
        public var outputHighWaterBytes: Int

        public init(
            limits: HTTPLimits = HTTPLimits(), headerTimeout: UInt64 = 10 * Self.nanosecondsPerSecond,
            bodyTimeout: UInt64 = 30 * Self.nanosecondsPerSecond,
            requestTimeout: UInt64 = 120 * Self.nanosecondsPerSecond,
            idleTimeout: UInt64 = 60 * Self.nanosecondsPerSecond,
            writeTimeout: UInt64 = 30 * Self.nanosecondsPerSecond,
            lingerTimeout: UInt64 = 2 * Self.nanosecondsPerSecond, maxRequestsPerTurn: Int = 16,
            outputHighWaterBytes: Int = 1_048_576, outputBytesPerTurn: Int = 65536
        ) {
            self.limits = limits
            self.headerTimeout = headerTimeout
            self.bodyTimeout = bodyTimeout
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.writeTimeout = writeTimeout
            self.lingerTimeout = lingerTimeout
            self.maxRequestsPerTurn = max(1, maxRequestsPerTurn)
            self.outputHighWaterBytes = outputHighWaterBytes
            self.outputBytesPerTurn = max(1, outputBytesPerTurn)
        }

        /// Unparsed bytes above which reading pauses, so a client pipelining faster than its turns
        /// are answered cannot grow the buffer without bound. Always room for the largest head the
        /// limits allow, so the parser can still reach its verdict on it.
        public var inputHighWaterBytes: Int { limits.maxRequestLineBytes + limits.maxHeaderBytes + 65536 }

        public static let nanosecondsPerSecond: UInt64 = 1_000_000_000

        /// Seconds from a configuration file as nanoseconds; negative or non-finite values count as zero.
        public static func nanoseconds(_ seconds: Double) -> UInt64 {
            guard seconds.isFinite, seconds > 0 else { return 0 }
            return UInt64(min(seconds, 1e9) * 1e9)
        }
    }
}
