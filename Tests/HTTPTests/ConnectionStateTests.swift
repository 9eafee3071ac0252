import Testing

@testable import HTTP

/// Drives a `ConnectionState` with a fake clock (seconds as nanoseconds) and records what it asks for.
struct Harness {
    static let second = ConnectionState.Configuration.nanosecondsPerSecond
    var state: ConnectionState
    var now: UInt64 = 1_000 * Harness.second

    init(
        maxRequestsPerTurn: Int = 16, outputHighWaterBytes: Int = 1000, limits: HTTPLimits = HTTPLimits()
    ) {
        let configuration = ConnectionState.Configuration(
            limits: limits, headerTimeout: 10 * Self.second, bodyTimeout: 5 * Self.second,
            requestTimeout: 20 * Self.second,
            idleTimeout: 60 * Self.second, writeTimeout: 30 * Self.second, lingerTimeout: 2 * Self.second,
            maxRequestsPerTurn: maxRequestsPerTurn, outputHighWaterBytes: outputHighWaterBytes)
        state = ConnectionState(configuration: configuration, now: now)
    }

    mutating func advance(seconds: Double) { now += UInt64(seconds * Double(Self.second)) }

    mutating func receive(_ text: String) {
        Array(text.utf8).withUnsafeBytes { state.received($0, now: now) }
    }

    /// Runs actions until the state needs input or wants to close, queueing a 10-byte answer per
    /// request; returns a compact log such as `["respond /a keep", "readMore"]`.
    mutating func drive() -> [String] {
        var log: [String] = []
        while true {
            switch state.nextAction(now: now) {
            case .respond(let request, let keepAlive):
                log.append("respond \(request.path) \(keepAlive ? "keep" : "close")")
                state.queued(byteCount: 10, now: now)
            case .sendContinue:
                log.append("continue")
                state.queued(byteCount: 25, now: now)
            case .reject(let error):
                log.append("reject \(error.status.code)")
                state.queued(byteCount: 100, now: now)
            case .readMore: log.append("readMore"); return log
            case .pauseReading: log.append("pause"); return log
            case .yield: log.append("yield"); return log
            case .flushAndClose: log.append("flushAndClose"); return log
            case .close: log.append("close"); return log
            }
        }
    }

    mutating func timeout() -> String? { state.timeoutAction(now: now).map { "\($0)" } }

    /// Pretends the socket took every queued byte.
    mutating func flushAll() -> ConnectionState.FlushOutcome {
        state.wrote(byteCount: state.pendingOutputBytes, now: now)
        return state.outputFlushed(now: now)
    }
}

@Suite struct ConnectionStateTests {
    @Test func http11KeepsAliveByDefault() {
        var harness = Harness()
        harness.receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(harness.drive() == ["respond /a keep", "readMore"])
        #expect(harness.flushAll() == .keepOpen)
        #expect(harness.state.wantsToRead)
    }

    @Test func connectionCloseEndsAfterTheResponseAndLingers() {
        var harness = Harness()
        harness.receive("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /ignored HTTP/1.1\r\n")
        #expect(harness.drive() == ["respond /a close", "flushAndClose"])
        #expect(harness.flushAll() == .shutdownOutput)
        #expect(harness.state.wantsToRead, "keeps draining input while lingering")
        harness.state.inputClosed(now: harness.now)
        #expect(harness.state.isClosed)
    }

    @Test func lingeringEndsAtItsDeadline() {
        var harness = Harness()
        harness.receive("GET /a HTTP/1.0\r\n\r\n")
        #expect(harness.drive() == ["respond /a close", "flushAndClose"])
        #expect(harness.flushAll() == .shutdownOutput)
        harness.advance(seconds: 1)
        #expect(harness.timeout() == nil)
        harness.advance(seconds: 1.5)
        #expect(harness.timeout() == "close")
    }

    @Test(arguments: [
        ("GET /a HTTP/1.0\r\n\r\n", false),
        ("GET /a HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true),
        ("GET /a HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n", false),
        ("GET /a HTTP/1.1\r\nHost: x\r\nConnection: upgrade\r\n\r\n", true),
    ])
    func keepAliveFollowsVersionAndConnectionField(_ request: String, _ keepAlive: Bool) {
        var harness = Harness()
        harness.receive(request)
        #expect(harness.drive().first == "respond /a \(keepAlive ? "keep" : "close")")
    }

    @Test func pipelinedRequestsAreAnsweredInOrderInTurns() {
        var harness = Harness(maxRequestsPerTurn: 2)
        harness.receive(
            "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(harness.drive() == ["respond /1 keep", "respond /2 keep", "yield"])
        #expect(harness.drive() == ["respond /3 keep", "readMore"])
    }

    @Test func readingPausesAboveTheHighWaterMark() {
        var harness = Harness(outputHighWaterBytes: 25)
        let request = "GET /p HTTP/1.1\r\nHost: x\r\n\r\n"
        harness.receive(String(repeating: request, count: 5))
        #expect(harness.drive() == ["respond /p keep", "respond /p keep", "respond /p keep", "pause"])
        #expect(!harness.state.wantsToRead)
        harness.state.wrote(byteCount: 30, now: harness.now)
        #expect(harness.state.wantsToRead)
        #expect(harness.drive() == ["respond /p keep", "respond /p keep", "readMore"])
    }

    @Test func slowHeadIsCutWith408() {
        var harness = Harness()
        harness.receive("GET /slow HTTP/1.1\r\nHo")
        #expect(harness.drive() == ["readMore"])
        harness.advance(seconds: 6)
        harness.receive("st: x\r\n")
        harness.advance(seconds: 3.9)
        #expect(harness.timeout() == nil, "trickling bytes does not reset the head timer")
        harness.advance(seconds: 0.2)
        guard case .reject(let error) = harness.state.timeoutAction(now: harness.now) else {
            Issue.record("expected a 408")
            return
        }
        #expect(error.status.code == 408)
        #expect(harness.drive() == ["flushAndClose"])
    }

    @Test func stalledBodyIsCutWith408() {
        var harness = Harness()
        harness.receive("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345")
        #expect(harness.drive() == ["readMore"])
        harness.advance(seconds: 4)
        harness.receive("67")
        harness.advance(seconds: 4)
        #expect(harness.timeout() == nil, "body progress resets the body timer")
        harness.advance(seconds: 1.5)
        guard case .reject(.bodyTimeout) = harness.state.timeoutAction(now: harness.now) else {
            Issue.record("expected a body timeout")
            return
        }
    }

    @Test func trickledBodyIsCutAtTheWholeRequestDeadline() {
        var harness = Harness()
        harness.receive("POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        #expect(harness.drive() == ["readMore"])
        // A byte every 4 s never lets the 5 s body timer expire...
        for _ in 0..<4 {
            harness.advance(seconds: 4)
            harness.receive("x")
            #expect(harness.timeout() == nil)
        }
        // ...but 20 s after the request began, the whole-request deadline does.
        #expect(harness.state.nextDeadline == 1_020 * Harness.second)
        harness.advance(seconds: 4)
        guard case .reject(.bodyTimeout) = harness.state.timeoutAction(now: harness.now) else {
            Issue.record("expected a 408 at the request deadline")
            return
        }
    }

    @Test func idleConnectionClosesSilently() {
        var harness = Harness()
        harness.receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = harness.drive()
        harness.advance(seconds: 1)
        #expect(harness.flushAll() == .keepOpen)
        harness.advance(seconds: 59.5)
        #expect(harness.timeout() == nil)
        harness.advance(seconds: 1)
        #expect(harness.timeout() == "close")
    }

    @Test func writeStallAbandonsTheConnection() {
        var harness = Harness()
        harness.receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = harness.drive()
        harness.advance(seconds: 20)
        harness.state.wrote(byteCount: 3, now: harness.now)
        harness.advance(seconds: 29)
        #expect(harness.timeout() == nil)
        harness.advance(seconds: 2)
        #expect(harness.timeout() == "close")
        #expect(harness.state.isClosed)
    }

    @Test func halfClosedPeerGetsItsPipelinedAnswersThenClose() {
        var harness = Harness()
        harness.receive("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /partial HT")
        harness.state.inputClosed(now: harness.now)
        #expect(harness.drive() == ["respond /1 keep", "respond /2 keep", "flushAndClose"])
        #expect(harness.flushAll() == .close)
    }

    @Test func malformedInputIsRejectedThenClosed() {
        var harness = Harness()
        harness.receive("GET /ok HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost : x\r\n\r\n")
        #expect(harness.drive() == ["respond /ok keep", "reject 400", "flushAndClose"])
        #expect(harness.flushAll() == .shutdownOutput)
    }

    @Test func expectContinueAsksForTheInterimResponse() {
        var harness = Harness()
        harness.receive("PUT /c HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        #expect(harness.drive() == ["continue", "readMore"])
        harness.receive("ok")
        #expect(harness.drive() == ["respond /c keep", "readMore"])
    }

    @Test func shutdownClosesIdleAndFinishesInFlight() {
        var idle = Harness()
        let idleCloses = idle.state.beginShutdown(now: idle.now)
        #expect(idleCloses)
        #expect(idle.state.isClosed)

        var busy = Harness()
        busy.receive("POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab")
        #expect(busy.drive() == ["readMore"])
        let busyCloses = busy.state.beginShutdown(now: busy.now)
        #expect(!busyCloses)
        busy.receive("cd")
        #expect(busy.drive() == ["respond /f close", "flushAndClose"])
    }

    @Test func shutdownClosesAKeptAliveConnectionOnceItsOutputIsFlushed() {
        var harness = Harness()
        harness.receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = harness.drive()
        let closes = harness.state.beginShutdown(now: harness.now)
        #expect(!closes, "output still queued")
        #expect(harness.flushAll() == .close)
    }
}

extension ConnectionStateTests {
    /// Found by the request-flood fairness check (Tests/abuse/connection_flood.py): with 16 large
    /// answers per turn, a polite client waited seconds behind 200 greedy pipelining connections.
    @Test func largeAnswersEndATurnEarly() {
        var harness = Harness()
        harness.state = ConnectionState(
            configuration: ConnectionState.Configuration(outputHighWaterBytes: 1 << 30, outputBytesPerTurn: 25),
            now: harness.now)
        harness.receive(String(repeating: "GET /p HTTP/1.1\r\nHost: x\r\n\r\n", count: 4))
        #expect(harness.drive() == ["respond /p keep", "respond /p keep", "respond /p keep", "yield"])
        #expect(harness.drive() == ["respond /p keep", "readMore"])
    }

    @Test func oneAnswerLargerThanTheBudgetIsStillSent() {
        var harness = Harness()
        harness.state = ConnectionState(
            configuration: ConnectionState.Configuration(outputHighWaterBytes: 1 << 30, outputBytesPerTurn: 5),
            now: harness.now)
        harness.receive(String(repeating: "GET /p HTTP/1.1\r\nHost: x\r\n\r\n", count: 2))
        #expect(harness.drive() == ["respond /p keep", "yield"])
        #expect(harness.drive() == ["respond /p keep", "yield"])
        #expect(harness.drive() == ["readMore"])
    }

    @Test func pipelinedFloodPausesReadingUntilTurnsCatchUp() {
        var harness = Harness(
            maxRequestsPerTurn: 50, outputHighWaterBytes: 1 << 30,
            limits: HTTPLimits(maxRequestLineBytes: 100, maxHeaderBytes: 100))
        let request = "GET /f HTTP/1.1\r\nHost: x\r\n\r\n"
        let flood = String(repeating: request, count: 70_000 / request.utf8.count + 1)
        harness.receive(flood)
        #expect(!harness.state.wantsToRead, "more unparsed input than the input high-water mark")
        var turns = 0
        while !harness.state.wantsToRead, turns < 100 {
            #expect(harness.drive().last == "yield")
            turns += 1
        }
        #expect(harness.state.wantsToRead)
        #expect(turns > 1)
    }
}

extension ConnectionStateTests {
    /// The deadline is exact: nothing fires a nanosecond before it, something fires at it.
    func expectDeadlineIsExact(_ harness: Harness, _ label: String) {
        guard let deadline = harness.state.nextDeadline else {
            Issue.record("\(label): no deadline")
            return
        }
        var before = harness.state
        var at = harness.state
        #expect(before.timeoutAction(now: deadline - 1) == nil, "\(label): fired early")
        #expect(at.timeoutAction(now: deadline) != nil, "\(label): did not fire at its deadline")
    }

    @Test func deadlineFollowsWhatTheConnectionIsWaitingFor() {
        var harness = Harness()
        let start = harness.now
        #expect(harness.state.nextDeadline == start + 60 * Harness.second, "idle")
        expectDeadlineIsExact(harness, "idle")

        harness.advance(seconds: 1)
        harness.receive("GET /a HTTP/1.1\r\nHo")
        #expect(harness.state.nextDeadline == start + 11 * Harness.second, "head started")
        expectDeadlineIsExact(harness, "head")

        harness.receive("st: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\na")
        _ = harness.drive()
        #expect(harness.state.nextDeadline == start + 1 * Harness.second + 5 * Harness.second, "body")
        expectDeadlineIsExact(harness, "body")

        harness.advance(seconds: 2)
        harness.state.wrote(byteCount: 4, now: harness.now)
        harness.advance(seconds: 1)
        harness.receive("bc")
        _ = harness.drive()
        let written = start + 3 * Harness.second
        #expect(harness.state.nextDeadline == written + 30 * Harness.second, "write stall guards queued output")
        expectDeadlineIsExact(harness, "write")
    }

    @Test func closingConnectionsExpireAtLingerOrAtOnce() {
        var harness = Harness()
        harness.receive("GET /a HTTP/1.0\r\n\r\n")
        _ = harness.drive()
        #expect(harness.flushAll() == .shutdownOutput)
        #expect(harness.state.nextDeadline == harness.now + 2 * Harness.second)
        expectDeadlineIsExact(harness, "linger")
        harness.state.inputClosed(now: harness.now)
        #expect(harness.state.nextDeadline == 0)
    }
}
