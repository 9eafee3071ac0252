/// A hashed timing wheel of connections for one event loop. A connection is filed at the tick of
/// its next deadline; filing it again bumps its serial, which turns the old entry stale, so a move
/// costs one append and no search. Expiry is lazy: due connections are handed back and the loop
/// asks their state whether anything really expired (activity may have pushed the deadline out),
/// then files them again. Work is proportional to deadlines reached, not to open connections.
struct TimerWheel {
    /// Holds its connection weakly: a closed connection is freed when its loop lets go of it, not
    /// when its slot next comes round, up to an idle timeout later. Held strongly, connections
    /// closed under churn (thousands a second) piled up by the hundred thousand, with their buffers.
    private struct Entry {
        weak var connection: Connection?
        /// The connection's identity, compared without loading the weak reference.
        let identity: ObjectIdentifier
        let serial: UInt32
    }

    private let granularity: UInt64
    private var slots: [[Entry]]
    /// The first tick not yet expired.
    private var nextTick: UInt64
    /// Entries in all slots, stale ones included until their slot is visited.
    private var entryCount = 0

    init(granularity: UInt64, slotCount: Int = 1024, now: UInt64) {
        self.granularity = max(1, granularity)
        slots = Array(repeating: [], count: max(1, slotCount))
        nextTick = now / self.granularity
    }

    /// The tick a deadline falls in (rounded up, never in the past), comparable with
    /// `Connection.timerTick`.
    func tick(for deadline: UInt64) -> UInt64 {
        max(nextTick, deadline / granularity + (deadline % granularity == 0 ? 0 : 1))
    }

    mutating func schedule(_ connection: Connection, at deadline: UInt64) {
        let tick = tick(for: deadline)
        connection.timerSerial &+= 1
        connection.timerTick = tick
        slots[slot(of: tick)].append(
            Entry(connection: connection, identity: ObjectIdentifier(connection), serial: connection.timerSerial))
        entryCount += 1
    }

    /// Takes a closing connection's current entry out at once, so churn leaves no entries behind
    /// to wait for their slot. Order within a slot does not matter: the last entry fills the gap.
    mutating func unschedule(_ connection: Connection) {
        guard connection.timerTick != Connection.unscheduled else { return }
        let index = slot(of: connection.timerTick)
        let identity = ObjectIdentifier(connection)
        if let position = slots[index].lastIndex(where: {
            $0.identity == identity && $0.serial == connection.timerSerial
        }) {
            slots[index].swapAt(position, slots[index].count - 1)
            slots[index].removeLast()
            entryCount -= 1
        }
        connection.timerSerial &+= 1
        connection.timerTick = Connection.unscheduled
    }

    /// The connections whose tick has come by `now`, each unfiled; stale entries are dropped.
    mutating func takeDue(now: UInt64) -> [Connection] {
        let lastTick = now / granularity
        guard entryCount > 0, nextTick <= lastTick else {
            nextTick = max(nextTick, lastTick + 1)
            return []
        }
        var due: [Connection] = []
        // More ticks than slots means every slot is due at least once: one pass suffices.
        let ticks = min(lastTick - nextTick + 1, UInt64(slots.count))
        for offset in 0..<ticks {
            let index = slot(of: nextTick + offset)
            guard !slots[index].isEmpty else { continue }
            var kept: [Entry] = []
            for entry in slots[index] {
                guard let connection = entry.connection, connection.isOpen, entry.serial == connection.timerSerial
                else { continue }
                if connection.timerTick <= lastTick {
                    connection.timerSerial &+= 1
                    connection.timerTick = Connection.unscheduled
                    due.append(connection)
                } else {
                    kept.append(entry)
                }
            }
            entryCount -= slots[index].count - kept.count
            slots[index] = kept
        }
        nextTick = lastTick + 1
        return due
    }

    /// When the loop must wake next to expire timers; nil when nothing is filed.
    var nextWake: UInt64? { entryCount == 0 ? nil : nextTick * granularity }

    private func slot(of tick: UInt64) -> Int { Int(tick % UInt64(slots.count)) }
}
