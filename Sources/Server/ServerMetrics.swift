import Synchronization

/// The server's counters for `GET /metrics`: requests by route pattern and status, a latency
/// histogram by route, open and accepted connections, requests refused before routing.
///
/// Each event loop counts into a block of its own, so the request path never shares a cache line
/// or a lock with another loop; a scrape sums the blocks. Labels are route patterns
/// (`/v1/articles/{id}`), never raw paths, so the number of series is fixed when the router is
/// built. Knows nothing of what the server serves: the application adds its own families to the
/// exposition.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds: from 100 µs (a pre-rendered record) to
    /// 2.5 s (a pathological search), about 2.5x apart.
    public static let latencyBuckets: [Double] = [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
    ]
    static let unmatchedRoute = "(unmatched)"
    private static let statusSlots = 500

    public let namespace: String
    private let routeCapacity: Int
    private let bucketBounds: [UInt64]
    private let loops: [Counters]
    private let routeNames = Mutex<[String]>([])

    /// - Parameters:
    ///   - namespace: the prefix of every metric name (`newsdesk` gives `newsdesk_http_requests_total`).
    ///   - loopCount: the server's event loops; a loop beyond it shares a block (still exact, as
    ///     every update is atomic, only no longer uncontended).
    ///   - routeCapacity: the most route patterns a router bound to it may have.
    public init(namespace: String, loopCount: Int, routeCapacity: Int = 64) {
        self.namespace = namespace
        self.routeCapacity = routeCapacity
        bucketBounds = Self.latencyBuckets.map { UInt64(($0 * 1e9).rounded()) }
        let layout = Layout(routes: routeCapacity, buckets: Self.latencyBuckets.count + 1)
        loops = (0..<max(1, loopCount)).map { _ in Counters(count: layout.total) }
    }

    /// Where each counter sits in a loop's block.
    private struct Layout {
        static let open = 0
        static let accepted = 1
        static let rejected = 2
        static let statusBase = 8
        let routes: Int
        let buckets: Int

        var bucketBase: Int { Self.statusBase + routes * ServerMetrics.statusSlots }
        var sumBase: Int { bucketBase + routes * buckets }
        var total: Int { sumBase + routes + 8 }

        func status(route: Int, code: Int) -> Int {
            Self.statusBase + route * ServerMetrics.statusSlots + min(max(code, 100), 599) - 100
        }
        func bucket(route: Int, bucket: Int) -> Int { bucketBase + route * buckets + bucket }
        func sum(route: Int) -> Int { sumBase + route }
    }

    private var layout: Layout { Layout(routes: routeCapacity, buckets: bucketBounds.count + 1) }

    /// Names the routes a router counts under, in its order; index `routes.count` is any request
    /// that matched no route.
    func bind(routes: [String]) {
        precondition(routes.count < routeCapacity, "ServerMetrics holds \(routeCapacity - 1) routes at most")
        routeNames.withLock { $0 = routes }
    }

    /// Counts one answered request; `nanoseconds` is its time in the server.
    func recordRequest(loop: Int, route: Int, status: Int, nanoseconds: UInt64) {
        let counters = loops[loop % loops.count]
        let layout = layout
        let route = min(route, routeCapacity - 1)
        counters.add(1, at: layout.status(route: route, code: status))
        var bucket = 0
        while bucket < bucketBounds.count, nanoseconds > bucketBounds[bucket] { bucket += 1 }
        counters.add(1, at: layout.bucket(route: route, bucket: bucket))
        counters.add(nanoseconds, at: layout.sum(route: route))
    }

    func connectionOpened(loop: Int) {
        let counters = loops[loop % loops.count]
        counters.add(1, at: Layout.open)
        counters.add(1, at: Layout.accepted)
    }

    func connectionClosed(loop: Int) {
        loops[loop % loops.count].subtract(1, at: Layout.open)
    }

    /// A request answered before routing: a malformed one, or one with a method HTTP does not define.
    func requestRejected(loop: Int) {
        loops[loop % loops.count].add(1, at: Layout.rejected)
    }

    /// The sum over every loop of the counter at `index`.
    private func total(_ index: Int) -> UInt64 {
        loops.reduce(0) { $0 &+ $1.load(index) }
    }

    /// Writes the server's families in the Prometheus text format.
    public func write(to text: inout MetricsText) {
        let http = namespace + "_http_"
        var routes = routeNames.withLock { $0 }
        routes.append(Self.unmatchedRoute)
        let layout = layout

        text.family(http + "requests_total", type: .counter, help: "Requests answered, by route pattern and status.")
        for (route, name) in routes.enumerated() {
            for slot in 0..<Self.statusSlots {
                let count = total(layout.status(route: route, code: slot + 100))
                guard count > 0 else { continue }
                text.sample(
                    http + "requests_total", labels: [("route", name), ("status", String(slot + 100))], value: count)
            }
        }
        text.family(
            http + "request_duration_seconds", type: .histogram,
            help: "Time from reading a request to its response being ready, by route pattern.")
        for (route, name) in routes.enumerated() {
            let counts = (0...bucketBounds.count).map { total(layout.bucket(route: route, bucket: $0)) }
            let count = counts.reduce(0, &+)
            guard count > 0 else { continue }
            var cumulative: UInt64 = 0
            for (bucket, bound) in Self.latencyBuckets.enumerated() {
                cumulative &+= counts[bucket]
                text.sample(
                    http + "request_duration_seconds_bucket", labels: [("route", name), ("le", "\(bound)")],
                    value: cumulative)
            }
            text.sample(
                http + "request_duration_seconds_bucket", labels: [("route", name), ("le", "+Inf")], value: count)
            text.sample(
                http + "request_duration_seconds_sum", labels: [("route", name)],
                value: Double(total(layout.sum(route: route))) / 1e9)
            text.sample(http + "request_duration_seconds_count", labels: [("route", name)], value: count)
        }
        text.family(http + "open_connections", type: .gauge, help: "Connections open now.")
        text.sample(http + "open_connections", value: total(Layout.open))
        text.family(http + "connections_total", type: .counter, help: "Connections accepted.")
        text.sample(http + "connections_total", value: total(Layout.accepted))
        text.family(
            http + "rejected_requests_total", type: .counter,
            help: "Requests answered before routing: malformed, too large, timed out, or an unknown method.")
        text.sample(http + "rejected_requests_total", value: total(Layout.rejected))
    }
}

extension ServerMetrics {
    /// One loop's counters: a fixed block of atomics, updated with relaxed ordering (a count needs
    /// no ordering with anything else) by the loop that owns it and read by whichever thread scrapes.
    ///
    /// `@unchecked Sendable` invariant: `slots` is allocated once, never reassigned, and every
    /// element is an `Atomic`, only ever touched through its atomic operations.
    final class Counters: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Atomic<UInt64>>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            for index in 0..<count { (slots + index).initialize(to: Atomic(0)) }
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func add(_ value: UInt64, at index: Int) { slots[index].wrappingAdd(value, ordering: .relaxed) }
        func subtract(_ value: UInt64, at index: Int) { slots[index].wrappingSubtract(value, ordering: .relaxed) }
        func load(_ index: Int) -> UInt64 { slots[index].load(ordering: .relaxed) }
    }
}
