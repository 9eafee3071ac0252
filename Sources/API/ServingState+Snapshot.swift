import Corpus

extension ServingState {
    convenience init(snapshot: Snapshot) {
        self.init(articles: snapshot.articles, version: snapshot.version, loadedAt: snapshot.loadedAt) { json in
            snapshot.report.write(to: &json)
        }
    }
}
