/// What one unit of loading work (a file, or a chunk of a JSONL file) produced, in order.
struct LoadOutcome: Sendable {
    var articles: [Article] = []
    var skipped: [LoadIssue] = []
    var warnings: [LoadIssue] = []

    mutating func skip(_ origin: Article.Origin, element: Int? = nil, _ problem: LoadProblem) {
        skipped.append(LoadIssue(origin: origin, element: element, problem: problem))
    }

    mutating func warn(_ origin: Article.Origin, element: Int? = nil, _ problem: LoadProblem) {
        warnings.append(LoadIssue(origin: origin, element: element, problem: problem))
    }
}
