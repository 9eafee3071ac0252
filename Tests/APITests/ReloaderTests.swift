import Foundation
import Synchronization
import Testing

@testable import API

@Suite(.timeLimit(.minutes(1))) struct ReloaderTests {
    struct Broken: Error, CustomStringConvertible {
        var description: String { "the key does not match the certificate" }
    }

    /// Waits for the reload numbered `id` to finish.
    private func finished(_ reloader: Reloader, _ id: Int) -> ReloadStatus {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let status = reloader.status
            if status.id == id, status.state != .running { return status }
            usleep(5_000)
        }
        return reloader.status
    }

    @Test func everyStepRunsInOrderEvenAfterOneFails() {
        let ran = Mutex<[String]>([])
        let reloader = Reloader()
        reloader.add(
            ReloadStep(name: "certificate") {
                ran.withLock { $0.append("certificate") }
                throw Broken()
            })
        reloader.add(
            ReloadStep(name: "corpus") {
                ran.withLock { $0.append("corpus") }
                return "3 articles"
            })
        guard case .started(let started) = reloader.start(.signal) else {
            Issue.record("did not start")
            return
        }
        #expect(started.state == .running)
        #expect(started.trigger == .signal)
        let status = finished(reloader, started.id)
        #expect(ran.withLock { $0 } == ["certificate", "corpus"])
        #expect(status.state == .failed)
        #expect(status.error == "certificate: the key does not match the certificate")
        #expect(status.steps.map(\.succeeded) == [false, true])
        #expect(status.failedCount == 1 && status.succeededCount == 0)
        #expect((status.seconds ?? -1) >= 0)
    }

    @Test func reloadsAreNumberedAndCountedAndAnnouncedAtStartAndEnd() {
        let announced = Mutex<[ReloadStatus.State]>([])
        let reloader = Reloader { status in announced.withLock { $0.append(status.state) } }
        reloader.add(ReloadStep(name: "corpus") { "ok" })
        for expected in 1...3 {
            guard case .started(let status) = reloader.start(.api) else {
                Issue.record("reload \(expected) did not start")
                return
            }
            #expect(status.id == expected)
            #expect(finished(reloader, expected).state == .succeeded)
        }
        #expect(reloader.status.succeededCount == 3)
        #expect(announced.withLock { $0 } == [.running, .succeeded, .running, .succeeded, .running, .succeeded])
    }

    @Test(arguments: [
        ("secret", "secret", true), ("secret", "secreT", false), ("secre", "secret", false),
        ("secrets", "secret", false), ("", "secret", false), ("", "", false),
    ])
    func tokensCompareWholeAndExact(_ presented: String, _ expected: String, _ equal: Bool) {
        #expect(BearerToken.equal(Array(presented.utf8), Array(expected.utf8)) == equal)
    }
}
