import CSystem
import Foundation
import HTTP
import Synchronization

/// One epoll loop on one thread with its own SO_REUSEPORT listener. It reads, parses, calls the
/// responder and writes, all on its thread: no lock, task or queue hop on the request path.
///
/// `@unchecked Sendable` invariant: every `var` below is read and written only by the thread
/// running `run()`. Other threads only call `requestStop()`, which touches the atomic
/// `stopRequested` and writes the eventfd, both safe from any thread.
final class EventLoop: @unchecked Sendable {
    private static let wakeToken = UInt64.max
    /// Listener `i` is `firstListenerToken - i`; connection tokens never come near these.
    private static let firstListenerToken = UInt64.max - 1
    private static let maxEvents: Int32 = 256
    private static let acceptsPerWake = 64
    private static let readBufferBytes = 65536
    private static let logFlushBytes = 16384
    private static let logFlushInterval: UInt64 = 200_000_000
    private static let acceptRetryInterval: UInt64 = 100_000_000

    let index: Int
    private let epollFD: Int32
    private let wakeFD: Int32
    private var listeners: [Listener]
    private let accessLog: AccessLog?
    private let metrics: ServerMetrics?
    private let limiter: ConnectionLimiter
    private let connectionConfiguration: ConnectionState.Configuration
    private let drainTimeout: UInt64
    private let handshakeTimeout: UInt64
    private let stopRequested = Atomic<Bool>(false)

    private var connections: [Connection?] = []
    private var openCount = 0
    private var nextGeneration: UInt32 = 0
    private var scheduled: [Connection] = []
    private let readBuffer: UnsafeMutableRawBufferPointer
    private var writer = ResponseWriter()
    private var requestIDs: RequestIDGenerator
    private var logBuffer: [UInt8] = []
    private var lastLogFlush: UInt64 = 0
    private var logTimeSecond = Int.min
    private var logTime = ""
    private var now: UInt64
    private var epochSeconds: Int
    private var timers: TimerWheel
    private var acceptPausedUntil: UInt64?
    private var stopDeadline: UInt64?

    /// Takes ownership of the listeners' descriptors.
    init(
        index: Int, listeners: [Listener], accessLog: AccessLog?, metrics: ServerMetrics?, limiter: ConnectionLimiter,
        configuration: ServerConfiguration
    ) throws(HTTPServerError) {
        let epollFD = csystem_epoll_create()
        guard epollFD >= 0 else { throw .systemCallFailed(call: "epoll_create1", errno: errno) }
        let wakeFD = csystem_eventfd()
        guard wakeFD >= 0 else {
            close(epollFD)
            throw .systemCallFailed(call: "eventfd", errno: errno)
        }
        guard csystem_epoll_ctl(epollFD, CSYSTEM_EPOLL_CTL_ADD, wakeFD, CSYSTEM_EPOLLIN, Self.wakeToken) == 0,
            listeners.indices.allSatisfy({
                csystem_epoll_ctl(
                    epollFD, CSYSTEM_EPOLL_CTL_ADD, listeners[$0].fileDescriptor, CSYSTEM_EPOLLIN,
                    Self.firstListenerToken - UInt64($0)) == 0
            })
        else {
            let code = errno
            close(epollFD)
            close(wakeFD)
            throw .systemCallFailed(call: "epoll_ctl", errno: code)
        }
        self.index = index
        self.epollFD = epollFD
        self.wakeFD = wakeFD
        self.listeners = listeners
        self.accessLog = accessLog
        self.metrics = metrics
        self.limiter = limiter
        connectionConfiguration = configuration.connectionStateConfiguration
        drainTimeout = ConnectionState.Configuration.nanoseconds(configuration.timeouts.drainSeconds)
        handshakeTimeout = ConnectionState.Configuration.nanoseconds(configuration.tls.handshakeTimeoutSeconds)
        readBuffer = .allocate(byteCount: Self.readBufferBytes, alignment: 16)
        requestIDs = RequestIDGenerator(loopIndex: index)
        now = MonotonicClock.now()
        epochSeconds = time(nil)
        timers = TimerWheel(granularity: configuration.timerGranularity, now: now)
    }

    /// The descriptors live as long as the object, not the thread, so a late `requestStop()`
    /// never writes to a closed (or reused) descriptor.
    deinit {
        readBuffer.deallocate()
        close(wakeFD)
        close(epollFD)
    }

    /// Asks the loop to stop accepting and drain; callable from any thread, including one woken by
    /// a signal.
    func requestStop() {
        stopRequested.store(true, ordering: .releasing)
        _ = csystem_eventfd_signal(wakeFD)
    }

    func run() {
        var events = [csystem_epoll_event](repeating: csystem_epoll_event(), count: Int(Self.maxEvents))
        while true {
            let timeout = scheduled.isEmpty ? waitMilliseconds() : 0
            let count = events.withUnsafeMutableBufferPointer {
                csystem_epoll_wait(epollFD, $0.baseAddress, Self.maxEvents, timeout)
            }
            now = MonotonicClock.now()
            epochSeconds = time(nil)
            if count < 0 {
                guard errno == EINTR else { break }
                continue
            }
            for event in events[0..<Int(count)] { handle(event) }
            runScheduled()
            expireTimers()
            resumeAcceptingIfDue()
            flushLogIfDue()
            if let stopDeadline, openCount == 0 || now >= stopDeadline { break }
        }
        closeEverything()
    }

    /// Sleeps until the next timer tick, accept retry or log flush, and at most a second.
    private func waitMilliseconds() -> Int32 {
        var wake = now + 1_000_000_000
        if let timer = timers.nextWake { wake = min(wake, timer) }
        if let acceptPausedUntil { wake = min(wake, acceptPausedUntil) }
        if accessLog != nil, !logBuffer.isEmpty { wake = min(wake, lastLogFlush + Self.logFlushInterval) }
        guard wake > now else { return 0 }
        return Int32((wake - now + 999_999) / 1_000_000)
    }

    private func handle(_ event: csystem_epoll_event) {
        switch event.data {
        case Self.wakeToken:
            csystem_eventfd_drain(wakeFD)
            if stopRequested.load(ordering: .acquiring), stopDeadline == nil { beginStop() }
        case Self.firstListenerToken - UInt64(listeners.count - 1)...Self.firstListenerToken:
            acceptConnections(from: Int(Self.firstListenerToken - event.data))
        default:
            let descriptor = Int(UInt32(truncatingIfNeeded: event.data))
            guard descriptor < connections.count, let connection = connections[descriptor],
                connection.epollToken == event.data
            else { return }
            // HUP means both directions are gone: nothing sent could arrive, and level-triggered
            // epoll would report it on every wait while the connection is not reading.
            if event.events & (CSYSTEM_EPOLLERR | CSYSTEM_EPOLLHUP) != 0 {
                closeConnection(connection)
                return
            }
            // A TLS read may wait for the socket to turn writable and a TLS write for it to turn
            // readable; such a readiness wakes the call that waits for it.
            let readable = event.events & (CSYSTEM_EPOLLIN | CSYSTEM_EPOLLRDHUP) != 0
            let writable = event.events & CSYSTEM_EPOLLOUT != 0
            let wakesReader = readable || (writable && connection.readWaitsForWritable)
            if writable || (readable && connection.writeWaitsForReadable) {
                flush(connection)
                guard connection.isOpen else { return }
                if connection.state.wantsToRead, !wakesReader { drive(connection) }
            }
            if connection.isOpen, wakesReader {
                readAndDrive(connection)
            }
        }
    }

    // MARK: Accepting

    private func acceptConnections(from listenerIndex: Int) {
        let listener = listeners[listenerIndex]
        var peer = [CChar](repeating: 0, count: 64)
        for _ in 0..<Self.acceptsPerWake {
            let descriptor = csystem_accept(listener.fileDescriptor, &peer, peer.count)
            guard descriptor >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: stop polling the listener for a moment instead of spinning on it.
                    for other in listeners {
                        _ = csystem_epoll_ctl(epollFD, CSYSTEM_EPOLL_CTL_DEL, other.fileDescriptor, 0, 0)
                    }
                    acceptPausedUntil = now + Self.acceptRetryInterval
                    return
                default: return
                }
            }
            guard limiter.acquire() else {
                // Over TLS a 503 would first cost the handshake the cap is there to spare.
                if listener.tls == nil { refuse(descriptor) } else { close(descriptor) }
                continue
            }
            let transport: any ConnectionTransport
            if let tls = listener.tls {
                guard let session = TLSTransport(fileDescriptor: descriptor, context: tls.current) else {
                    close(descriptor)
                    limiter.release()
                    continue
                }
                transport = session
            } else {
                transport = PlainTransport(fileDescriptor: descriptor)
            }
            let remoteAddress = peer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            nextGeneration &+= 1
            let connection = Connection(
                fileDescriptor: descriptor, generation: nextGeneration, transport: transport,
                responder: listener.responder, remoteAddress: remoteAddress,
                state: ConnectionState(configuration: connectionConfiguration, now: now),
                registeredEvents: CSYSTEM_EPOLLIN | CSYSTEM_EPOLLRDHUP)
            if listener.tls != nil {
                connection.isTLS = true
                connection.handshakeDeadline = now + handshakeTimeout
            }
            guard
                csystem_epoll_ctl(
                    epollFD, CSYSTEM_EPOLL_CTL_ADD, descriptor, connection.registeredEvents, connection.epollToken) == 0
            else {
                transport.close()
                limiter.release()
                continue
            }
            let slot = Int(descriptor)
            if slot >= connections.count {
                connections.append(contentsOf: repeatElement(nil, count: slot - connections.count + 1))
            }
            connections[slot] = connection
            openCount += 1
            metrics?.connectionOpened(loop: index)
            fileTimer(connection)
        }
    }

    /// Past the connection cap: a best-effort 503 (never blocking), then close.
    private func refuse(_ descriptor: Int32) {
        var response = HTTPResponse.problem(
            .serviceUnavailable, detail: "the server is at its connection limit; retry shortly")
        response.headers.append(name: "Retry-After", value: "1")
        var bytes: [UInt8] = []
        writer.write(response, keepAlive: false, epochSeconds: epochSeconds, into: &bytes)
        bytes.withUnsafeBytes { _ = csystem_send(descriptor, $0.baseAddress, $0.count) }
        _ = csystem_shutdown_write(descriptor)
        close(descriptor)
    }

    // MARK: Reading and answering

    private func readAndDrive(_ connection: Connection) {
        guard connection.state.wantsToRead else { return }
        let result = connection.transport.read(into: readBuffer)
        if connection.handshakeDeadline != nil, connection.transport.isHandshakeComplete {
            connection.handshakeDeadline = nil
        }
        if connection.readWaitsForWritable, !result.waitsForWritable {
            connection.readWaitsForWritable = false
            updateInterest(connection)
        }
        switch result {
        case .bytes(let count):
            // A fresh reading only when it is logged: requests later in a busy wake-up would
            // otherwise be charged for the ones handled before them.
            connection.lastReadAt = accessLog == nil ? now : MonotonicClock.now()
            connection.state.received(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]), now: now)
        case .endOfStream:
            connection.state.inputClosed(now: now)
        case .needsReadable:
            return
        case .needsWritable:
            connection.readWaitsForWritable = true
            updateInterest(connection)
            return
        case .failed:
            closeConnection(connection)
            return
        }
        drive(connection)
    }

    /// Acts on the connection's state until it needs input, writing what was queued. When reading
    /// paused for backpressure and the write then drained the output, it goes on: requests may be
    /// waiting in the buffer with no new bytes coming to wake it.
    private func drive(_ connection: Connection) {
        while true {
            let paused = runActions(connection)
            guard connection.isOpen else { return }
            flush(connection)
            guard paused, connection.isOpen, connection.state.wantsToRead else { return }
        }
    }

    /// Returns whether it stopped because of backpressure.
    private func runActions(_ connection: Connection) -> Bool {
        while true {
            switch connection.state.nextAction(now: now) {
            case .respond(let request, let keepAlive):
                answer(request, keepAlive: keepAlive, on: connection)
            case .sendContinue:
                connection.output.append(contentsOf: ResponseWriter.continueResponse)
                connection.state.queued(byteCount: ResponseWriter.continueResponse.count, now: now)
            case .reject(let error):
                reject(error, on: connection)
            case .pauseReading:
                return true
            case .readMore, .flushAndClose:
                return false
            case .yield:
                if !connection.isScheduled {
                    connection.isScheduled = true
                    scheduled.append(connection)
                }
                return false
            case .close:
                closeConnection(connection)
                return false
            }
        }
    }

    private func answer(_ request: HTTPRequest, keepAlive: Bool, on connection: Connection) {
        let requestID = requestIDs.id(for: request.headers)
        let response: HTTPResponse
        if request.method.isStandard {
            let context = RequestContext(
                requestID: requestID, remoteAddress: connection.remoteAddress, receivedAt: connection.lastReadAt,
                isTLS: connection.isTLS, loopIndex: index)
            response = connection.responder.respond(to: request, context: context)
        } else {
            response = .problem(.notImplemented, detail: "method \(request.method) is not implemented")
            metrics?.requestRejected(loop: index)
        }
        var keepAlive = keepAlive
        if keepAlive, let field = response.headers["Connection"], field.lowercased().contains("close") {
            keepAlive = false
            connection.state.closeAfterFlush()
        }
        let count = writer.write(
            response, isHeadRequest: request.method == .head, keepAlive: keepAlive, version: request.version,
            requestID: requestID, epochSeconds: epochSeconds, into: &connection.output)
        connection.state.queued(byteCount: count, now: now)
        log(
            method: request.method.description, path: request.path, status: response.status.code, bytes: count,
            requestID: requestID, connection: connection)
    }

    private func reject(_ error: HTTPRequestError, on connection: Connection) {
        metrics?.requestRejected(loop: index)
        let requestID = requestIDs.next()
        let count = writer.write(
            error.response, keepAlive: false, requestID: requestID, epochSeconds: epochSeconds,
            into: &connection.output)
        connection.state.queued(byteCount: count, now: now)
        log(
            method: "-", path: "-", status: error.status.code, bytes: count, requestID: requestID,
            connection: connection)
    }

    private func log(method: String, path: String, status: Int, bytes: Int, requestID: String, connection: Connection) {
        guard let accessLog else { return }
        if logTimeSecond != epochSeconds {
            logTimeSecond = epochSeconds
            logTime = HTTPDate.iso8601(epochSeconds: epochSeconds)
        }
        let elapsed = MonotonicClock.now() &- connection.lastReadAt
        accessLog.append(
            AccessLog.Entry(
                time: logTime, method: method, path: path, status: status, bytes: bytes,
                durationMicroseconds: Int(elapsed / 1000), requestID: requestID,
                remoteAddress: connection.remoteAddress),
            to: &logBuffer)
    }

    private func flushLogIfDue() {
        guard let accessLog, !logBuffer.isEmpty else { return }
        guard
            logBuffer.count >= Self.logFlushBytes || now &- lastLogFlush >= Self.logFlushInterval
                || stopDeadline != nil
        else { return }
        accessLog.write(logBuffer)
        logBuffer.removeAll(keepingCapacity: true)
        lastLogFlush = now
    }

    // MARK: Writing

    private func flush(_ connection: Connection) {
        while connection.hasPendingOutput {
            let result = connection.output.withUnsafeBytes {
                connection.transport.write(UnsafeRawBufferPointer(rebasing: $0[connection.outputSent...]))
            }
            if connection.writeWaitsForReadable, !result.waitsForReadable { connection.writeWaitsForReadable = false }
            switch result {
            case .bytes(let count):
                connection.outputSent += count
                connection.state.wrote(byteCount: count, now: now)
            case .needsWritable:
                updateInterest(connection)
                return
            case .needsReadable:
                connection.writeWaitsForReadable = true
                updateInterest(connection)
                return
            case .endOfStream, .failed:
                closeConnection(connection)
                return
            }
        }
        connection.resetOutput()
        switch connection.state.outputFlushed(now: now) {
        case .keepOpen: break
        case .shutdownOutput: connection.transport.shutdownOutput()
        case .close:
            closeConnection(connection)
            return
        }
        updateInterest(connection)
    }

    private func updateInterest(_ connection: Connection) {
        var desired: UInt32 = 0
        if connection.state.wantsToRead || connection.writeWaitsForReadable {
            desired |= CSYSTEM_EPOLLIN | CSYSTEM_EPOLLRDHUP
        }
        if connection.hasPendingOutput || connection.readWaitsForWritable { desired |= CSYSTEM_EPOLLOUT }
        fileTimer(connection)
        guard desired != connection.registeredEvents else { return }
        connection.registeredEvents = desired
        _ = csystem_epoll_ctl(
            epollFD, CSYSTEM_EPOLL_CTL_MOD, connection.fileDescriptor, desired, connection.epollToken)
    }

    private func closeConnection(_ connection: Connection) {
        guard connection.isOpen else { return }
        connection.isOpen = false
        connections[Int(connection.fileDescriptor)] = nil
        timers.unschedule(connection)
        // Closing the descriptor also removes it from the epoll set.
        connection.transport.close()
        openCount -= 1
        metrics?.connectionClosed(loop: index)
        limiter.release()
    }

    // MARK: Turns, timers, stopping

    /// Connections that used up their turn with requests still buffered get another one now.
    private func runScheduled() {
        guard !scheduled.isEmpty else { return }
        let batch = scheduled
        scheduled.removeAll(keepingCapacity: true)
        for connection in batch {
            connection.isScheduled = false
            if connection.isOpen { drive(connection) }
        }
    }

    /// Files the connection for its next deadline when that is earlier than where it is filed; a
    /// later deadline is left for the lazy check, so busy keep-alive traffic costs the wheel nothing.
    private func fileTimer(_ connection: Connection) {
        var deadline = connection.state.nextDeadline
        if let handshakeDeadline = connection.handshakeDeadline { deadline = min(deadline ?? .max, handshakeDeadline) }
        guard let deadline, timers.tick(for: deadline) < connection.timerTick else { return }
        timers.schedule(connection, at: deadline)
    }

    private func expireTimers() {
        for connection in timers.takeDue(now: now) where connection.isOpen {
            if let handshakeDeadline = connection.handshakeDeadline, now >= handshakeDeadline {
                closeConnection(connection)
                continue
            }
            switch connection.state.timeoutAction(now: now) {
            case .reject(let error)?:
                reject(error, on: connection)
                flush(connection)
            case nil:
                break
            default:
                closeConnection(connection)
            }
            if connection.isOpen { fileTimer(connection) }
        }
    }

    private func resumeAcceptingIfDue() {
        guard let until = acceptPausedUntil, now >= until else { return }
        acceptPausedUntil = nil
        for (index, listener) in listeners.enumerated() where listener.fileDescriptor >= 0 {
            _ = csystem_epoll_ctl(
                epollFD, CSYSTEM_EPOLL_CTL_ADD, listener.fileDescriptor, CSYSTEM_EPOLLIN,
                Self.firstListenerToken - UInt64(index))
        }
    }

    private func beginStop() {
        stopDeadline = now + drainTimeout
        closeListeners()
        for slot in connections.indices {
            guard let connection = connections[slot] else { continue }
            if connection.state.beginShutdown(now: now) { closeConnection(connection) }
        }
    }

    private func closeEverything() {
        for slot in connections.indices {
            if let connection = connections[slot] { closeConnection(connection) }
        }
        closeListeners()
        if let accessLog, !logBuffer.isEmpty {
            accessLog.write(logBuffer)
            logBuffer.removeAll()
        }
    }

    private func closeListeners() {
        for index in listeners.indices where listeners[index].fileDescriptor >= 0 {
            close(listeners[index].fileDescriptor)
            listeners[index].fileDescriptor = -1
        }
    }
}
