/// The parameters of a form-encoded query string, in order, repeated names kept.
public struct QueryParameters: Sendable, Sequence {
    public struct Parameter: Sendable, Hashable {
        public let name: String
        /// The decoded value, or nil when its percent-encoding was malformed.
        public let value: String?
    }

    private let parameters: [Parameter]

    public init(_ query: String) {
        guard !query.isEmpty else {
            parameters = []
            return
        }
        parameters = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                let name = PercentDecoding.decode(pair[..<equals], plusAsSpace: true) ?? String(pair[..<equals])
                return Parameter(
                    name: name, value: PercentDecoding.decode(pair[pair.index(after: equals)...], plusAsSpace: true))
            }
            return Parameter(name: PercentDecoding.decode(pair, plusAsSpace: true) ?? String(pair), value: "")
        }
    }

    public func makeIterator() -> IndexingIterator<[Parameter]> { parameters.makeIterator() }

    /// The first parameter of that name.
    public subscript(name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// Every value given under `name`, in order.
    public func all(_ name: String) -> [Parameter] { parameters.filter { $0.name == name } }

    public var names: [String] { parameters.map(\.name) }
}
