/// The protocol of one connection as a pure state machine: the server feeds it bytes, write
/// progress and the time, and acts on the `Action`s it returns. It owns the request parser and
/// every decision of HTTP/1.1 connection management (keep-alive, pipelining, half-close,
/// timeouts), so all of it is tested with a fake clock and no sockets.
///
/// Times are monotonic nanoseconds from whatever clock the caller uses; nothing here sleeps.
public struct ConnectionState: Sendable {
    public enum Action: Sendable {
        /// Answer this request, queue the answer with `queued(byteCount:now:)`, then ask again.
        case respond(HTTPRequest, keepAlive: Bool)
        /// Queue `100 Continue`, then ask again.
        case sendContinue
        /// Queue the error's response; the connection then closes after flushing.
        case reject(HTTPRequestError)
        /// Nothing to do until more bytes arrive.
        case readMore
        /// Too much unsent output: stop reading until writes catch up.
        case pauseReading
        /// This connection had its turn; serve others and come back without waiting for input.
        case yield
        /// No more requests will be read: flush the output, then call `outputFlushed(now:)`.
        case flushAndClose
        /// Close the socket now.
        case close
    }

    /// What to do once every queued byte has been written.
    public enum FlushOutcome: Sendable, Equatable {
        case keepOpen
        /// Shut the write side and keep reading (discarding) until the peer closes or the linger
        /// time passes, so the peer reads our last response rather than a reset.
        case shutdownOutput
        case close
    }

    private enum Phase: Sendable, Equatable {
        case open
        case closingAfterFlush
        case lingering(until: UInt64)
        case closed
    }

    public let configuration: Configuration
    private var parser: RequestParser
    private var phase = Phase.open
    private var inputEnded = false
    private var shuttingDown = false
    public private(set) var pendingOutputBytes = 0
    private var requestsThisTurn = 0
    /// Response bytes queued this turn: large answers end a turn sooner, so the wait of other
    /// connections is bounded in bytes written, not only in requests.
    private var bytesThisTurn = 0
    private var requestStartedAt: UInt64?
    private var lastInputAt: UInt64
    private var idleSince: UInt64
    private var lastWriteProgress: UInt64

    public init(configuration: Configuration, now: UInt64) {
        self.configuration = configuration
        parser = RequestParser(limits: configuration.limits)
        lastInputAt = now
        idleSince = now
        lastWriteProgress = now
    }

    /// Whether the server should be reading this socket now.
    public var wantsToRead: Bool {
        switch phase {
        case .open:
            !inputEnded && pendingOutputBytes < configuration.outputHighWaterBytes
                && parser.bufferedByteCount < configuration.inputHighWaterBytes
        case .lingering: !inputEnded
        case .closingAfterFlush, .closed: false
        }
    }

    /// Whether the connection is closed for good and its socket should be released.
    public var isClosed: Bool { phase == .closed }

    public mutating func received(_ bytes: UnsafeRawBufferPointer, now: UInt64) {
        guard phase == .open else { return }
        if !parser.isMidRequest { requestStartedAt = now }
        parser.append(bytes)
        lastInputAt = now
    }

    /// The peer closed its write side (read returned 0).
    public mutating func inputClosed(now: UInt64) {
        inputEnded = true
        if case .lingering = phase { phase = .closed }
    }

    public mutating func nextAction(now: UInt64) -> Action {
        switch phase {
        case .closed: return .close
        case .closingAfterFlush, .lingering: return .flushAndClose
        case .open: break
        }
        if pendingOutputBytes >= configuration.outputHighWaterBytes { return .pauseReading }
        if requestsThisTurn >= configuration.maxRequestsPerTurn
            || requestsThisTurn > 0 && bytesThisTurn >= configuration.outputBytesPerTurn
        {
            requestsThisTurn = 0
            bytesThisTurn = 0
            return .yield
        }
        let event: RequestParser.Event?
        do {
            event = try parser.next()
        } catch {
            phase = .closingAfterFlush
            return .reject(error)
        }
        switch event {
        case nil:
            requestsThisTurn = 0
            bytesThisTurn = 0
            if inputEnded {
                // Whatever the peer half-sent can never complete; answer what came before it.
                phase = .closingAfterFlush
                return .flushAndClose
            }
            return .readMore
        case .continueExpected:
            return .sendContinue
        case .request(let request):
            requestsThisTurn += 1
            let keepAlive = request.wantsKeepAlive && !shuttingDown
            if !keepAlive { phase = .closingAfterFlush }
            if parser.isMidRequest {
                requestStartedAt = now
            } else {
                requestStartedAt = nil
                idleSince = now
            }
            return .respond(request, keepAlive: keepAlive)
        }
    }

    /// The responder asked to close after its response (it sent `Connection: close` itself).
    public mutating func closeAfterFlush() {
        if phase == .open { phase = .closingAfterFlush }
    }

    public mutating func queued(byteCount: Int, now: UInt64) {
        if pendingOutputBytes == 0 { lastWriteProgress = now }
        bytesThisTurn += byteCount
        pendingOutputBytes += byteCount
    }

    public mutating func wrote(byteCount: Int, now: UInt64) {
        pendingOutputBytes -= byteCount
        if byteCount > 0 { lastWriteProgress = now }
        if pendingOutputBytes == 0, !parser.isMidRequest { idleSince = now }
    }

    public mutating func outputFlushed(now: UInt64) -> FlushOutcome {
        switch phase {
        case .open:
            guard shuttingDown, !parser.isMidRequest else { return .keepOpen }
            phase = .closed
            return .close
        case .closingAfterFlush:
            if inputEnded {
                phase = .closed
                return .close
            }
            phase = .lingering(until: now + configuration.lingerTimeout)
            return .shutdownOutput
        case .lingering:
            return .keepOpen
        case .closed:
            return .close
        }
    }

    /// Graceful shutdown: returns true when the connection is idle and can close at once; any
    /// other finishes the request in flight, answered with `Connection: close`.
    public mutating func beginShutdown(now: UInt64) -> Bool {
        shuttingDown = true
        guard phase == .open, !parser.isMidRequest, pendingOutputBytes == 0 else { return phase == .closed }
        phase = .closed
        return true
    }

    /// The earliest time at which `timeoutAction(now:)` could act, so a timer wheel can file the
    /// connection there and look at it no sooner; nil when no timer runs.
    public var nextDeadline: UInt64? {
        switch phase {
        case .closed: return 0
        case .lingering(let until): return until
        case .closingAfterFlush, .open: break
        }
        let writeDeadline = pendingOutputBytes > 0 ? lastWriteProgress + configuration.writeTimeout : nil
        guard phase == .open, wantsToRead else { return writeDeadline }
        let readDeadline: UInt64?
        if parser.isReadingBody {
            let wholeRequest = requestStartedAt.map { $0 + configuration.requestTimeout } ?? .max
            readDeadline = min(lastInputAt + configuration.bodyTimeout, wholeRequest)
        } else if parser.isMidRequest, let requestStartedAt {
            readDeadline = requestStartedAt + configuration.headerTimeout
        } else if pendingOutputBytes == 0 {
            readDeadline = idleSince + configuration.idleTimeout
        } else {
            readDeadline = nil
        }
        guard let readDeadline else { return writeDeadline }
        return min(readDeadline, writeDeadline ?? .max)
    }

    /// The timer check, run when `nextDeadline` passes: a `reject` is answered (408) then closed, `close` closes.
    public mutating func timeoutAction(now: UInt64) -> Action? {
        func expired(_ since: UInt64, _ limit: UInt64) -> Bool { now > since && now - since >= limit }
        switch phase {
        case .closed:
            return .close
        case .lingering(let until):
            guard now >= until else { return nil }
            phase = .closed
            return .close
        case .closingAfterFlush, .open:
            if pendingOutputBytes > 0, expired(lastWriteProgress, configuration.writeTimeout) {
                phase = .closed
                return .close
            }
        }
        guard phase == .open, wantsToRead else { return nil }
        if parser.isReadingBody {
            let tooSlow = requestStartedAt.map { expired($0, configuration.requestTimeout) } ?? false
            guard expired(lastInputAt, configuration.bodyTimeout) || tooSlow else { return nil }
            phase = .closingAfterFlush
            return .reject(.bodyTimeout)
        }
        if parser.isMidRequest, let requestStartedAt {
            guard expired(requestStartedAt, configuration.headerTimeout) else { return nil }
            phase = .closingAfterFlush
            return .reject(.headerTimeout)
        }
        if pendingOutputBytes == 0, expired(idleSince, configuration.idleTimeout) {
            phase = .closed
            return .close
        }
        return nil
    }
}
