import Foundation
import HTTP
import Search

/// The parameters of `GET /v1/search`, validated, and their translation into a `SearchRequest`.
struct SearchParameters {
    static let parameterNames: Set<String> = [
        "q", "match", "limit", "offset", "cursor", "sort", "from", "to", "source", "category", "entity", "facets",
        "highlight", "collapse",
    ]
    /// Facets a client may ask for; the entity facets are per type.
    static let facetNames = ["source", "category", "month"] + EntityTypeNames.all.map { "entity.\($0)" }
    static let defaultFacets = ["source", "category", "month"]

    var query: String
    var match: MatchMode
    var limit: Int
    var offset: Int
    var cursor: String?
    var sort: Search.SortOrder
    var from: Date?
    var to: Date?
    var sources: [String]
    var categories: [String]
    var entities: [String]
    var facets: [String]
    var highlight: Bool
    var collapse: Bool

    init(_ request: HTTPRequest) throws(ProblemDetails) {
        let reader = try ParameterReader(request, allowed: Self.parameterNames)
        guard let query = try reader.string("q"), !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badParameter("q", "required: the search query (see Docs/API.md for the query language)")
        }
        guard query.unicodeScalars.count <= 2048 else { throw .badParameter("q", "longer than 2048 characters") }
        self.query = query
        match = try reader.choice("match", default: .all)
        limit = try reader.integer("limit", default: 20, range: 1...100)
        offset = try reader.integer("offset", default: 0, range: 0...SearchIndex.maximumOffset)
        cursor = try reader.string("cursor")
        if cursor != nil && offset != 0 { throw .badParameter("cursor", "cannot be combined with offset") }
        sort = try reader.choice("sort", default: .relevance)
        from = try reader.date("from", endOfDay: false)
        to = try reader.date("to", endOfDay: true)
        if let from, let to, from > to { throw .badParameter("from", "is after to; the range would be empty") }
        sources = reader.strings("source")
        categories = reader.strings("category")
        entities = reader.parameters.all("entity").compactMap(\.value)
        if let bad = entities.first(where: { !Self.isEntityID($0) }) {
            throw .badParameter("entity", "expected an entity id such as person/pete-hegseth, got \"\(bad)\"")
        }
        if let list = try reader.string("facets") {
            // Exactly `name,name`: empty for none, no spaces, no empty items (the OpenAPI pattern).
            facets = list.isEmpty ? [] : list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if let bad = facets.first(where: { !Self.facetNames.contains($0) }) {
                let known = Self.facetNames.joined(separator: ", ")
                throw .badParameter(
                    "facets", "unknown facet \"\(bad)\"; give a comma-separated list of \(known), or nothing")
            }
        } else {
            facets = Self.defaultFacets
        }
        highlight = try reader.boolean("highlight", default: true)
        collapse = try reader.boolean("collapse", default: true)
    }

    /// Entity ids are `type/slug`, the only characters a slug has; anything else cannot name one.
    static func isEntityID(_ text: String) -> Bool {
        text.utf8.count <= 200 && text.contains("/")
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
            }
    }

    /// The engine's request. Entity filters must all match, so they join the query as `AND`ed
    /// keyword terms rather than as a keyword filter (whose values OR together).
    var searchRequest: SearchRequest {
        var text = query
        if !entities.isEmpty {
            text = "(\(query))" + entities.map { " AND entity:\"\($0)\"" }.joined()
        }
        var request = SearchRequest(query: text)
        request.match = match
        request.sort = sort
        request.offset = offset
        request.limit = limit
        request.cursor = cursor
        request.from = from.map { Int64($0.timeIntervalSince1970.rounded(.up)) }
        request.to = to.map { Int64($0.timeIntervalSince1970.rounded(.down)) }
        if !sources.isEmpty { request.filters["source"] = sources }
        if !categories.isEmpty { request.filters["category"] = categories }
        request.facets = facets
        request.snippets = highlight ? SnippetOptions() : nil
        request.collapseDuplicates = collapse
        return request
    }

    /// The same search with another cursor, as a relative link (the `next` of a page).
    func link(cursor: String?, offset: Int?) -> String {
        var items = ["q=\(Self.encode(query))"]
        if match != .all { items.append("match=\(match.rawValue)") }
        items.append("limit=\(limit)")
        if let offset { items.append("offset=\(offset)") }
        if let cursor { items.append("cursor=\(Self.encode(cursor))") }
        if sort != .relevance { items.append("sort=\(Self.encode(sort.rawValue))") }
        if let from { items.append("from=\(Self.encode(DateBound.format(from)))") }
        if let to { items.append("to=\(Self.encode(DateBound.format(to)))") }
        items += sources.map { "source=\(Self.encode($0))" }
        items += categories.map { "category=\(Self.encode($0))" }
        items += entities.map { "entity=\(Self.encode($0))" }
        if facets != Self.defaultFacets { items.append("facets=\(Self.encode(facets.joined(separator: ",")))") }
        if !highlight { items.append("highlight=false") }
        if !collapse { items.append("collapse=false") }
        return "/v1/search?" + items.joined(separator: "&")
    }

    static func encode(_ value: String) -> String { ArticleListRequest.encode(value) }
}
