import CSystem
import Dispatch
import Foundation
import HTTP
import Synchronization

/// The HTTP/1.1 server: one epoll event loop per thread, each with its own SO_REUSEPORT listener
/// (two when HTTPS runs beside plain HTTP), calling the responder synchronously on the loop thread.
/// Knows nothing of what it serves.
///
/// ```swift
/// let server = HTTPServer(configuration: configuration, responder: router, accessLog: log)
/// let port = try server.start()
/// let watcher = SignalWatcher { _ in server.shutdown() }
/// server.waitUntilStopped()
/// ```
public final class HTTPServer: Sendable {
    private struct Lifecycle {
        var loops: [EventLoop] = []
        var port: Int?
        var tlsPort: Int?
        var tls: TLSContextHolder?
        var started = false
    }

    public let configuration: ServerConfiguration
    private let responder: any HTTPResponder
    private let accessLog: AccessLog?
    private let metrics: ServerMetrics?
    private let limiter: ConnectionLimiter
    private let lifecycle = Mutex(Lifecycle())
    private let running = DispatchGroup()

    /// - Parameters:
    ///   - accessLog: where to write one line per request; nil turns the access log off.
    ///   - metrics: where the loops count connections and refused requests (the router counts the
    ///     requests it answers into the same object).
    public init(
        configuration: ServerConfiguration, responder: any HTTPResponder, accessLog: AccessLog? = nil,
        metrics: ServerMetrics? = nil
    ) {
        self.configuration = configuration
        self.responder = responder
        self.accessLog = accessLog
        self.metrics = metrics
        limiter = ConnectionLimiter(limit: configuration.limits.maxConnections)
    }

    /// The plain-HTTP port once started (the one the kernel chose when configured as 0); nil when
    /// `tls.plainHTTP` is off.
    public var port: Int? { lifecycle.withLock { $0.port } }

    /// The HTTPS port once started; nil when HTTPS is off.
    public var tlsPort: Int? { lifecycle.withLock { $0.tlsPort } }

    /// Connections open across all loops right now.
    public var openConnectionCount: Int { limiter.openCount }

    /// Loads the TLS certificate and key when configured, binds one listener per loop and protocol,
    /// starts the loop threads and returns the bound port: plain HTTP's, or HTTPS's when plain HTTP
    /// is off.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        let alreadyStarted = lifecycle.withLock { state in
            defer { state.started = true }
            return state.started
        }
        guard !alreadyStarted else { throw .alreadyStarted }
        guard (0...65535).contains(configuration.port) else { throw .invalidPort(configuration.port) }
        guard (0...65535).contains(configuration.tls.port) else { throw .invalidPort(configuration.tls.port) }
        let tls: TLSContextHolder?
        do {
            tls = try makeTLSContext()
        } catch {
            throw .tls(error)
        }
        signal(SIGPIPE, SIG_IGN)
        // The cap on connections only means something if the process may open that many sockets
        // (plus listeners, epoll and event descriptors, log files).
        _ = csystem_raise_open_file_limit(UInt64(max(1, configuration.limits.maxConnections)) + 256)

        let servesPlain = tls == nil || configuration.tls.plainHTTP != .off
        let plainListeners = servesPlain ? try bindListeners(port: configuration.port) : []
        let tlsListeners: [Int32]
        do {
            tlsListeners = tls == nil ? [] : try bindListeners(port: configuration.tls.port)
        } catch {
            for listener in plainListeners { close(listener) }
            throw error
        }
        let port = plainListeners.first.map { Int(csystem_local_port($0)) }
        let tlsPort = tlsListeners.first.map { Int(csystem_local_port($0)) }
        let plainResponder: any HTTPResponder =
            if let tlsPort, configuration.tls.plainHTTP == .redirect {
                HTTPSRedirectResponder(httpsPort: tlsPort, fallbackHost: redirectHost)
            } else {
                responder
            }
        var loops: [EventLoop] = []
        for index in 0..<configuration.effectiveThreadCount {
            var listeners: [Listener] = []
            if index < plainListeners.count {
                listeners.append(Listener(fileDescriptor: plainListeners[index], tls: nil, responder: plainResponder))
            }
            if index < tlsListeners.count {
                listeners.append(Listener(fileDescriptor: tlsListeners[index], tls: tls, responder: responder))
            }
            do {
                loops.append(
                    try EventLoop(
                        index: index, listeners: listeners, accessLog: accessLog, metrics: metrics, limiter: limiter,
                        configuration: configuration))
            } catch {
                for unused in plainListeners.dropFirst(index) + tlsListeners.dropFirst(index) { close(unused) }
                throw error
            }
        }
        lifecycle.withLock { state in
            state.loops = loops
            state.port = port
            state.tlsPort = tlsPort
            state.tls = tls
        }
        for loop in loops {
            running.enter()
            let thread = Thread { [running] in
                loop.run()
                running.leave()
            }
            thread.name = "newsdesk-loop-\(loop.index)"
            thread.start()
        }
        return port ?? tlsPort ?? 0
    }

    /// Reads the TLS certificate and key again (after they were renewed, on SIGHUP): on success
    /// connections accepted from now on use them, while open ones keep the session they have; on
    /// failure the server keeps serving the previous pair and the error says why. Returns false,
    /// doing nothing, when HTTPS is off or the server has not started.
    @discardableResult
    public func reloadTLS() throws(TLSError) -> Bool {
        guard let tls = lifecycle.withLock({ $0.tls }) else { return false }
        try tls.reload()
        return true
    }

    /// Stops accepting, closes idle connections and lets requests in flight finish (within
    /// `timeouts.drainSeconds`). Callable from any thread, any number of times.
    public func shutdown() {
        for loop in lifecycle.withLock({ $0.loops }) { loop.requestStop() }
    }

    /// Blocks until every loop has exited: after `shutdown()`, within the drain time.
    public func waitUntilStopped() {
        running.wait()
    }

    /// Checks the TLS settings hang together and loads the context; nil when HTTPS is off.
    private func makeTLSContext() throws(TLSError) -> TLSContextHolder? {
        let settings = configuration.tls
        guard settings.isRequested else {
            guard settings.plainHTTP == .serve else {
                throw .incompleteConfiguration(
                    "tls.plainHTTP is \"\(settings.plainHTTP.rawValue)\" but HTTPS is off: "
                        + "set tls.certificate and tls.privateKey")
            }
            return nil
        }
        if settings.certificatePath.isEmpty {
            throw .incompleteConfiguration("tls.privateKey is set but tls.certificate is not; HTTPS needs both")
        }
        if settings.privateKeyPath.isEmpty {
            throw .incompleteConfiguration("tls.certificate is set but tls.privateKey is not; HTTPS needs both")
        }
        return try TLSContextHolder(certificatePath: settings.certificatePath, privateKeyPath: settings.privateKeyPath)
    }

    /// The host a redirect names when the request carried no usable Host header.
    private var redirectHost: String {
        switch configuration.host {
        case "0.0.0.0", "::", "": "localhost"
        case let host where host.contains(":"): "[\(host)]"
        case let host: host
        }
    }

    private func bindListeners(port configuredPort: Int) throws(HTTPServerError) -> [Int32] {
        let host = configuration.host
        var port = configuredPort
        if port != 0 {
            // SO_REUSEPORT would silently share a port with another server of ours already on it;
            // a plain bind first turns that into a clear "address in use".
            let probe = try listen(host: host, port: port, reusePort: false)
            close(probe)
        }
        var listeners: [Int32] = []
        for _ in 0..<configuration.effectiveThreadCount {
            do {
                let listener = try listen(host: host, port: port, reusePort: true)
                if listeners.isEmpty { port = Int(csystem_local_port(listener)) }
                listeners.append(listener)
            } catch {
                for listener in listeners { close(listener) }
                throw error
            }
        }
        return listeners
    }

    private func listen(host: String, port: Int, reusePort: Bool) throws(HTTPServerError) -> Int32 {
        let descriptor = csystem_listen(
            host, Int32(port), Int32(clamping: max(1, configuration.backlog)), reusePort ? 1 : 0)
        switch descriptor {
        case -2: throw .unresolvableHost(host)
        case ..<0:
            switch errno {
            case EADDRINUSE: throw .addressInUse(host: host, port: port)
            case EACCES, EPERM: throw .permissionDenied(host: host, port: port)
            case EADDRNOTAVAIL: throw .unresolvableHost(host)
            default: throw .systemCallFailed(call: "bind/listen", errno: errno)
            }
        default: return descriptor
        }
    }
}
