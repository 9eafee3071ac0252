import Foundation
import Synchronization
import Testing

@testable import Server

@Suite(.timeLimit(.minutes(1))) struct SignalWatcherTests {
    @Test func deliversTheSignalToTheHandler() async throws {
        let received = Atomic<Int32>(0)
        let watcher = try SignalWatcher(signals: [SIGUSR2]) { number in received.store(number, ordering: .relaxed) }
        defer { watcher.cancel() }
        kill(getpid(), SIGUSR2)
        for _ in 0..<200 where received.load(ordering: .relaxed) == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(received.load(ordering: .relaxed) == SIGUSR2)
    }
}
