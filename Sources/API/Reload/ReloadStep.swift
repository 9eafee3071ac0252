/// One thing a reload refreshes: the corpus, and whatever else the executable adds (the TLS
/// certificate). A step prepares its replacement beside the live one and swaps it in only when it
/// is sound, so a step that throws has changed nothing.
public struct ReloadStep: Sendable {
    /// The step's name in the status endpoint and the log (`corpus`, `certificate`).
    public let name: String
    /// Runs on the reload thread, never on an event loop; returns a one-line summary for the log
    /// and the status, or throws an error whose description says why nothing changed.
    public let run: @Sendable () throws -> String

    public init(name: String, run: @escaping @Sendable () throws -> String) {
        self.name = name
        self.run = run
    }
}
