import CSystem
import Dispatch
import Foundation
import HTTP
import Synchronization

/// The HTTP/1.1 server: one epoll event loop per thread, each with its own SO_REUSEPORT listener,
/// calling the responder synchronously on the loop thread. Knows nothing of what it serves.
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

    /// The port the server listens on once started (the one the kernel chose when configured as 0).
    public var port: Int? { lifecycle.withLock { $0.port } }

    /// Connections open across all loops right now.
    public var openConnectionCount: Int { limiter.openCount }

    /// Binds one listener per loop, starts the loop threads and returns the bound port.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        let alreadyStarted = lifecycle.withLock { state in
            defer { state.started = true }
            return state.started
        }
        guard !alreadyStarted else { throw .alreadyStarted }
        guard (0...65535).contains(configuration.port) else { throw .invalidPort(configuration.port) }
        signal(SIGPIPE, SIG_IGN)
        // The cap on connections only means something if the process may open that many sockets
        // (plus listeners, epoll and event descriptors, log files).
        _ = csystem_raise_open_file_limit(UInt64(max(1, configuration.limits.maxConnections)) + 256)

        let listeners = try bindListeners()
        var loops: [EventLoop] = []
        for (index, listener) in listeners.enumerated() {
            do {
                loops.append(
                    try EventLoop(
                        index: index, listenerFD: listener, responder: responder, accessLog: accessLog,
                        metrics: metrics, limiter: limiter, configuration: configuration))
            } catch {
                for unused in listeners[index...] { close(unused) }
                throw error
            }
        }
        let port = Int(csystem_local_port(listeners[0]))
        lifecycle.withLock { state in
            state.loops = loops
            state.port = port
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
        return port
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

    private func bindListeners() throws(HTTPServerError) -> [Int32] {
        let host = configuration.host
        var port = configuration.port
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
