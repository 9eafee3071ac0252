import CSystem
import Corpus
import Foundation

extension NewsdeskService {
    /// The paths to load: the configured ones, or the sample corpus bundled with the package.
    public var corpusPaths: [String] {
        configuration.dataPaths.isEmpty ? [CorpusLoader.sampleCorpusURL.path] : configuration.dataPaths
    }

    /// Loads the corpus, builds its serving state beside the current one and swaps it in; until
    /// the first load completes, corpus routes answer 503 and `/ready` is not 200.
    @discardableResult
    public func loadCorpus() -> Snapshot {
        let start = ContinuousClock.now
        let snapshot = Snapshot.load(paths: corpusPaths, extractEntities: configuration.extractEntities)
        let state = ServingState(snapshot: snapshot)
        // Before the install, so that once `/ready` answers the start-up's memory is what stays.
        Self.returnFreedMemory()
        install(state, loadSeconds: Self.seconds(since: start))
        return snapshot
    }

    /// The reload step for the corpus: loads the data paths again beside the serving corpus and
    /// swaps the new one in only when `CorpusReloadError.check` accepts its load report. Requests
    /// already holding the old state finish on it; the old state is freed when the last lets go.
    public var corpusReloadStep: ReloadStep {
        ReloadStep(name: "corpus") { [self] in try reloadCorpus() }
    }

    func reloadCorpus() throws(CorpusReloadError) -> String {
        guard let serving = state else { throw .firstLoadRunning }
        let start = ContinuousClock.now
        let (articles, report) = CorpusLoader.load(paths: corpusPaths)
        try CorpusReloadError.check(report, serving: serving.snapshot.articles.count)
        let snapshot = Snapshot(
            articles: consume articles, report: report, extractEntities: configuration.extractEntities)
        let next = ServingState(snapshot: snapshot, reloads: serving.reloads + 1)
        install(next, loadSeconds: Self.seconds(since: start))
        Self.returnFreedMemory()
        let change = next.version == serving.version ? "unchanged" : "was \(serving.version)"
        return "\(snapshot.articles.count) articles, version \(next.version) (\(change))"
    }

    /// Hands the memory the build freed back to the system. Loading and indexing on every core
    /// leave each thread's malloc arena full of freed blocks that glibc keeps for reuse; the serving
    /// state never needs them (measured: 100,000 articles, 1,092 MB resident before, 625 MB after).
    static func returnFreedMemory() {
        csystem_release_free_memory()
    }

    /// Seconds from `start` to now, for the load time `/metrics` reports.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
