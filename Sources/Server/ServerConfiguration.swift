import Foundation

/// Everything the server needs to listen and to bound its clients. Every limit here has a
/// `config.json` key (see Docs/CONFIGURATION.md); the defaults suit a public-facing server.
public struct ServerConfiguration: Sendable, Hashable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Event loops; 0 means one per core.
    public var threads: Int = 0
    /// Pending-connection queue of each listening socket (listen(2) backlog).
    public var backlog: Int = 1024
    public var limits = Limits()
    public var timeouts = Timeouts()
    /// HTTPS: off unless a certificate and key are given.
    public var tls = TLS()

    public init() {}

    public struct Limits: Sendable, Hashable {
        /// Longest request line (method, target, version); longer is 414.
        public var maxRequestLineBytes: Int = 8192
        /// Bytes of all header lines together; more is 431.
        public var maxHeaderBytes: Int = 32768
        /// Number of header fields; more is 431.
        public var maxHeaderCount: Int = 100
        /// Request body; more is 413.
        public var maxBodyBytes: Int = 1_048_576
        /// Open connections across all loops; past it new ones are answered 503 and closed.
        public var maxConnections: Int = 10000
        /// Pipelined requests one connection gets answered in a turn before the loop serves the
        /// others (fairness); unanswered ones wait in its buffer, and reading pauses above
        /// `outputHighWaterBytes`.
        public var maxPipelinedRequests: Int = 16
        /// Unsent response bytes a connection may hold before reading pauses (backpressure).
        public var outputHighWaterBytes: Int = 1_048_576

        public init() {}
    }

    public struct Timeouts: Sendable, Hashable {
        /// From a request's first byte to its complete head; slower is 408 and close (slowloris).
        public var headerSeconds: Double = 10
        /// Between body bytes of a request in progress.
        public var bodySeconds: Double = 30
        /// From a request's first byte to its last body byte; a body trickling in slower is 408
        /// and close (slow body), however regularly its bytes come.
        public var requestSeconds: Double = 120
        /// A keep-alive connection with nothing in flight is closed after this.
        public var idleSeconds: Double = 60
        /// A response that makes no write progress for this long is abandoned (slow reader).
        public var writeSeconds: Double = 30
        /// On SIGTERM/SIGINT, requests in flight get this long to finish.
        public var drainSeconds: Double = 10
        /// After a final response (error or `Connection: close`), how long unread input is drained
        /// before closing, so the client reads the response instead of a connection reset.
        public var lingerSeconds: Double = 2

        public init() {}
    }
}
