import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Entities

@Suite struct ConcurrentlyTests {
    /// The threads values were freed on.
    final class FreedLog: Sendable {
        let threads = Mutex<[pthread_t]>([])
        let freed = DispatchSemaphore(value: 0)
    }

    /// Records the thread its last reference was dropped on.
    final class Probe: Sendable {
        let log: FreedLog

        init(log: FreedLog) {
            self.log = log
        }

        deinit {
            log.threads.withLock { $0.append(pthread_self()) }
            log.freed.signal()
        }
    }

    /// The caller never frees what it hands over, however soon the worker runs: 300 values, each
    /// freed on another thread than the caller's.
    @Test func releaseFreesOnAWorker() {
        let log = FreedLog()
        let caller = pthread_self()
        for _ in 0..<300 {
            Concurrently.release(Probe(log: log))
            log.freed.wait()
        }
        let threads = log.threads.withLock { $0 }
        #expect(threads.count == 300)
        #expect(threads.allSatisfy { pthread_equal($0, caller) == 0 })
    }
}
