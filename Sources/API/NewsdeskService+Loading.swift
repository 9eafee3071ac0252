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
        let clock = ContinuousClock()
        let start = clock.now
        let snapshot = Snapshot.load(paths: corpusPaths)
        let state = ServingState(snapshot: snapshot)
        let elapsed = (clock.now - start).components
        install(state, loadSeconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
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
        let (articles, report) = CorpusLoader.load(paths: corpusPaths)
        try CorpusReloadError.check(report, serving: serving.snapshot.articles.count)
        let next = ServingState(snapshot: Snapshot(articles: articles, report: report), reloads: serving.reloads + 1)
        install(next)
        let change = next.version == serving.version ? "unchanged" : "was \(serving.version)"
        return "\(articles.count) articles, version \(next.version) (\(change))"
    }
}
