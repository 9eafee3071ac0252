import Corpus

/// Why a reloaded corpus was not swapped in. The rule: a reload must see the same data the
/// operator configured, whole. A data path that is gone, or a file the file system refused to
/// read, means the data is moving or broken, not that it shrank; and a load that finds no article
/// at all while some are serving is almost always a mistake (an unmounted volume, an emptied
/// folder). Records that fail to parse do not fail a reload: they are skipped and listed in the
/// load report, exactly as at start-up.
enum CorpusReloadError: Error, CustomStringConvertible {
    /// The start-up load has not finished; there is nothing to reload yet.
    case firstLoadRunning
    case pathsMissing([String])
    case filesUnreadable([LoadIssue])
    case noArticles(serving: Int)

    /// Throws when `report` breaks the rule for replacing a corpus of `serving` articles.
    static func check(_ report: LoadReport, serving: Int) throws(CorpusReloadError) {
        let missing = report.skipped.filter { $0.problem == .pathNotFound }.map(\.origin.path)
        if !missing.isEmpty { throw .pathsMissing(missing) }
        let unreadable = report.skipped.filter {
            if case .unreadable = $0.problem { true } else { false }
        }
        if !unreadable.isEmpty { throw .filesUnreadable(unreadable) }
        if report.articlesLoaded == 0, serving > 0 { throw .noArticles(serving: serving) }
    }

    var description: String {
        switch self {
        case .firstLoadRunning:
            "the start-up load has not finished; reload once /ready answers 200"
        case .pathsMissing(let paths):
            "data path \(paths.joined(separator: ", ")): no such file or folder"
        case .filesUnreadable(let issues):
            issues.prefix(3).map(\.description).joined(separator: "; ")
                + (issues.count > 3 ? " (and \(issues.count - 3) more)" : "")
        case .noArticles(let serving):
            "the data paths hold no loadable article (\(serving) are serving); an empty corpus is never swapped in"
        }
    }
}
