import Foundation

/// What the last reload did, as `GET /v1/admin/reload` shows it and the log reports it.
public struct ReloadStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        /// No reload has run since start-up.
        case idle
        case running
        /// Every step succeeded.
        case succeeded
        /// At least one step failed; what it was replacing is still in use.
        case failed
    }

    /// What asked for the reload.
    public enum Trigger: String, Sendable {
        /// `SIGHUP`.
        case signal
        /// `POST /v1/admin/reload`.
        case api
    }

    /// How one step ended.
    public struct StepOutcome: Sendable, Equatable {
        public var name: String
        public var succeeded: Bool
        /// The step's summary when it succeeded, the error's description when it failed.
        public var detail: String
    }

    public var state: State = .idle
    /// Reloads are numbered from 1 in the order they started; 0 before the first.
    public var id = 0
    public var trigger: Trigger?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// One entry per step, in the order they ran; empty while running.
    public var steps: [StepOutcome] = []
    /// Reloads that finished since start-up, by outcome.
    public var succeededCount = 0
    public var failedCount = 0

    /// The failed steps' reasons, `name: detail`, joined by "; "; nil unless the reload failed.
    public var error: String? {
        let failures = steps.filter { !$0.succeeded }.map { "\($0.name): \($0.detail)" }
        return failures.isEmpty ? nil : failures.joined(separator: "; ")
    }

    /// Seconds from start to finish, once finished.
    public var seconds: Double? {
        guard let startedAt, let finishedAt else { return nil }
        return finishedAt.timeIntervalSince(startedAt)
    }
}
