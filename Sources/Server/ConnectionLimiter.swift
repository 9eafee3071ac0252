import Synchronization

/// The cap on open connections shared by every loop. One atomic counter: the only state loops share.
final class ConnectionLimiter: Sendable {
    let limit: Int
    private let open = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    var openCount: Int { open.load(ordering: .relaxed) }

    /// Takes a slot, or returns false when all are taken.
    func acquire() -> Bool {
        let previous = open.add(1, ordering: .relaxed).oldValue
        guard previous < limit else {
            open.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    func release() { open.subtract(1, ordering: .relaxed) }
}
