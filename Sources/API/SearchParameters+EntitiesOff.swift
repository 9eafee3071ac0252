import Corpus
import Search

extension SearchParameters {
    /// On a server that does not extract entities, a search that names them would match nothing
    /// (entity filters) or count nothing (entity facets) and look like a real answer: refuse it
    /// instead, naming the parameter. Checked in the order a client would fix them.
    func refuseEntities() throws(ProblemDetails) {
        if !entities.isEmpty { throw .entitiesOff(parameter: "entity", "filtering by entity") }
        if let facet = facets.first(where: { $0.hasPrefix("entity.") }) {
            throw .entitiesOff(parameter: "facets", "the facet \(facet)")
        }
        // A query that does not parse is left to the search, which reports where it fails.
        if let tree = try? Snapshot.queryParser.parse(query, match: match), let field = Self.entityField(in: tree) {
            throw .entitiesOff(parameter: "q", "the term \(field):")
        }
    }

    /// The first entity keyword field (`entity`, `entity.<type>`) the query names, if any.
    static func entityField(in node: QueryNode) -> String? {
        switch node {
        case .keyword(let field, _): field == "entity" || field.hasPrefix("entity.") ? field : nil
        case .and(let nodes), .or(let nodes): nodes.lazy.compactMap(entityField).first
        case .not(let inner): entityField(in: inner)
        case .word, .phrase: nil
        }
    }
}
