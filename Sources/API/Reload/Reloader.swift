import Foundation
import Synchronization

/// Runs reloads one at a time, each on a thread of its own so no event loop waits for a corpus to
/// load. Every step runs, in the order added, even after one fails: each swaps its own part in or
/// leaves it alone, so one bad certificate does not hold back a good corpus, or the other way round.
///
/// A reload asked for while one runs is refused rather than queued or merged: the caller learns
/// that the files it just changed may not be in the running one and can ask again when it ends.
public final class Reloader: Sendable {
    public enum Start: Sendable {
        /// The reload began; the status says its id.
        case started(ReloadStatus)
        /// Another reload is still running; nothing new began.
        case alreadyRunning(ReloadStatus)
    }

    private struct Record {
        var steps: [ReloadStep] = []
        var status = ReloadStatus()
    }

    private let record = Mutex(Record())
    private let announce: @Sendable (ReloadStatus) -> Void

    /// - Parameter announce: told when a reload starts (on the caller's thread) and when it
    ///   finishes (on the reload thread), for the log.
    public init(announce: @escaping @Sendable (ReloadStatus) -> Void = { _ in }) {
        self.announce = announce
    }

    /// Adds a step to every later reload. Add steps before anything can ask for a reload (before
    /// the server starts and the signal watcher is set up), so every reload runs the same steps.
    public func add(_ step: ReloadStep) {
        record.withLock { $0.steps.append(step) }
    }

    /// The running reload, or the last one to finish.
    public var status: ReloadStatus {
        record.withLock { $0.status }
    }

    /// Starts a reload unless one is running. Returns at once.
    public func start(_ trigger: ReloadStatus.Trigger) -> Start {
        let claim: (start: Start, steps: [ReloadStep]) = record.withLock { record in
            guard record.status.state != .running else { return (.alreadyRunning(record.status), []) }
            record.status.state = .running
            record.status.id += 1
            record.status.trigger = trigger
            record.status.startedAt = Date()
            record.status.finishedAt = nil
            record.status.steps = []
            return (.started(record.status), record.steps)
        }
        guard case .started(let status) = claim.start else { return claim.start }
        announce(status)
        let steps = claim.steps
        let thread = Thread { [self] in
            finish(outcomes: steps.map(Self.run))
        }
        thread.name = "newsdesk-reload"
        thread.start()
        return claim.start
    }

    private static func run(_ step: ReloadStep) -> ReloadStatus.StepOutcome {
        do {
            return .init(name: step.name, succeeded: true, detail: try step.run())
        } catch {
            return .init(name: step.name, succeeded: false, detail: String(describing: error))
        }
    }

    private func finish(outcomes: [ReloadStatus.StepOutcome]) {
        let status = record.withLock { record in
            let succeeded = outcomes.allSatisfy(\.succeeded)
            record.status.state = succeeded ? .succeeded : .failed
            record.status.finishedAt = Date()
            record.status.steps = outcomes
            if succeeded { record.status.succeededCount += 1 } else { record.status.failedCount += 1 }
            return record.status
        }
        announce(status)
    }
}
