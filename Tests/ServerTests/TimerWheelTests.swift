import HTTP
import Testing

@testable import Server

@Suite struct TimerWheelTests {
    func makeConnection() -> Connection {
        Connection(
            fileDescriptor: -1, generation: 0, transport: PlainTransport(fileDescriptor: -1),
            responder: TestResponder(), remoteAddress: "test",
            state: ConnectionState(configuration: ConnectionState.Configuration(), now: 0), registeredEvents: 0)
    }

    @Test func connectionComesDueAtItsTickOnce() {
        var wheel = TimerWheel(granularity: 10, slotCount: 8, now: 0)
        let connection = makeConnection()
        wheel.schedule(connection, at: 25)
        #expect(wheel.nextWake == 0)
        #expect(wheel.takeDue(now: 29).isEmpty, "deadlines round up to the next tick")
        #expect(wheel.takeDue(now: 30).map(\.timerTick) == [Connection.unscheduled])
        #expect(wheel.takeDue(now: 100).isEmpty)
        #expect(wheel.nextWake == nil)
    }

    /// Found by the soak (Scripts/bench/soak.sh): under connection churn, closed connections stayed
    /// alive in the wheel until their idle deadline and memory grew by hundreds of MB.
    @Test func wheelDoesNotKeepAClosedConnectionAlive() {
        var wheel = TimerWheel(granularity: 10, slotCount: 8, now: 0)
        weak var released: Connection?
        do {
            let connection = makeConnection()
            released = connection
            wheel.schedule(connection, at: 60_000)
            wheel.schedule(connection, at: 50)
        }
        #expect(released == nil, "both wheel entries let go of the connection")
        #expect(wheel.takeDue(now: 100_000).isEmpty)
        #expect(wheel.nextWake == nil)
    }

    @Test func unscheduledConnectionLeavesNothingBehind() {
        var wheel = TimerWheel(granularity: 10, slotCount: 8, now: 0)
        let closing = makeConnection()
        let staying = makeConnection()
        wheel.schedule(closing, at: 50)
        wheel.schedule(staying, at: 50)
        wheel.unschedule(closing)
        #expect(closing.timerTick == Connection.unscheduled)
        #expect(wheel.takeDue(now: 60).map(ObjectIdentifier.init) == [ObjectIdentifier(staying)])
        #expect(wheel.nextWake == nil, "no entry is left, not even a stale one")
        wheel.unschedule(closing)
    }

    @Test func movingEarlierLeavesNoSecondExpiry() {
        var wheel = TimerWheel(granularity: 1, slotCount: 16, now: 0)
        let connection = makeConnection()
        wheel.schedule(connection, at: 10)
        wheel.schedule(connection, at: 2)
        #expect(wheel.takeDue(now: 2).count == 1)
        #expect(wheel.takeDue(now: 20).isEmpty, "the entry at 10 went stale when it moved")
    }

    @Test func deadlinesBeyondOneRoundWaitForTheirRound() {
        var wheel = TimerWheel(granularity: 1, slotCount: 4, now: 0)
        let connection = makeConnection()
        wheel.schedule(connection, at: 10)
        for now in stride(from: UInt64(1), through: 9, by: 1) {
            #expect(wheel.takeDue(now: now).isEmpty, "not due at \(now)")
        }
        #expect(wheel.takeDue(now: 10).count == 1)
    }

    @Test func aLongSleepStillFindsEverythingDue() {
        var wheel = TimerWheel(granularity: 1, slotCount: 4, now: 0)
        let connections = (0..<10).map { _ in makeConnection() }
        for (index, connection) in connections.enumerated() { wheel.schedule(connection, at: UInt64(index + 1)) }
        #expect(wheel.takeDue(now: 1000).count == 10)
    }

    @Test func closedConnectionsAreDropped() {
        var wheel = TimerWheel(granularity: 1, slotCount: 4, now: 0)
        let open = makeConnection()
        let closed = makeConnection()
        wheel.schedule(open, at: 3)
        wheel.schedule(closed, at: 3)
        closed.isOpen = false
        #expect(wheel.takeDue(now: 3).count == 1)
        #expect(wheel.nextWake == nil)
    }

    @Test func pastDeadlinesComeDueAtTheNextTick() {
        var wheel = TimerWheel(granularity: 10, slotCount: 8, now: 50)
        _ = wheel.takeDue(now: 55)
        let connection = makeConnection()
        wheel.schedule(connection, at: 0)
        #expect(wheel.takeDue(now: 59).isEmpty)
        #expect(wheel.takeDue(now: 60).count == 1)
    }
}
