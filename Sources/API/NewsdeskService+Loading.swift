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
}
