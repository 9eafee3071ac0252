/// One problem found while loading, with where it happened.
public struct LoadIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file, and the line for line-oriented records and JSON array elements.
    public var origin: Article.Origin
    /// The 0-based position of the record in a JSON array, when it came from one.
    public var element: Int?
    public var problem: LoadProblem

    public init(origin: Article.Origin, element: Int? = nil, problem: LoadProblem) {
        self.origin = origin
        self.element = element
        self.problem = problem
    }

    public var description: String {
        let place = element.map { "\(origin) (element \($0))" } ?? origin.description
        return "\(place): \(problem)"
    }
}
