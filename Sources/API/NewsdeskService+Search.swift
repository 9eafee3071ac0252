import Corpus
import Foundation
import HTTP
import Search
import Server

extension NewsdeskService {
    func addSearchRoutes(to router: inout Router) {
        route(&router, "/v1/search") { (request, state, _) throws(ProblemDetails) in
            let parameters = try SearchParameters(request)
            if !state.snapshot.extractsEntities { try parameters.refuseEntities() }
            if !parameters.entities.isEmpty {
                // Entity filters wrap the query in parentheses; check it alone so error positions
                // point into what the client typed.
                do {
                    _ = try Snapshot.queryParser.parse(parameters.query, match: parameters.match)
                } catch {
                    throw .badParameter("q", "\(error)")
                }
            }
            let clock = ContinuousClock()
            let start = clock.now
            let results: SearchResults
            do throws(SearchIndexError) {
                results = try state.snapshot.search.search(parameters.searchRequest)
            } catch {
                throw Self.problem(for: error, parameters: parameters)
            }
            let elapsed = clock.now - start
            var response = HTTPResponse(
                status: .ok, contentType: "application/json",
                body: SearchJSON.results(results, parameters: parameters, state: state))
            response.headers["Server-Timing"] = "search;dur=" + Self.milliseconds(elapsed)
            return response
        }
        route(&router, "/v1/suggest") { (request, state, _) throws(ProblemDetails) in
            let reader = try ParameterReader(request, allowed: ["q", "limit"])
            guard let prefix = try reader.string("q"), !prefix.isEmpty else {
                throw .badParameter("q", "required: the beginning of a word or name")
            }
            guard prefix.unicodeScalars.count <= 100 else { throw .badParameter("q", "longer than 100 characters") }
            let limit = try reader.integer("limit", default: 8, range: 1...20)
            return HTTPResponse(
                status: .ok, contentType: "application/json",
                body: SearchJSON.suggestions(prefix: prefix, limit: limit, snapshot: state.snapshot))
        }
        route(&router, "/v1/articles/{id}/related") { (request, state, parameters) throws(ProblemDetails) in
            let reader = try ParameterReader(request, allowed: ["limit", "offset"])
            let limit = try reader.integer("limit", default: 5, range: 1...20)
            let offset = try reader.integer("offset", default: 0, range: 0...Self.maximumRelatedOffset)
            let id = parameters["id"] ?? ""
            guard let index = state.catalog.index(ofID: id) else {
                throw ProblemDetails(status: .notFound, detail: "No article has the id \"\(id)\".")
            }
            let related =
                (try? state.snapshot.search.related(to: index, offset: offset, limit: limit))
                ?? RelatedPage(total: 0, documents: [])
            let nextOffset = offset + limit
            let next =
                nextOffset < related.total && nextOffset <= Self.maximumRelatedOffset
                ? "/v1/articles/\(ArticleListRequest.encode(id))/related?limit=\(limit)&offset=\(nextOffset)" : nil
            var json = JSONWriter(capacity: 1024 + related.documents.count * 768)
            json.object { json in
                json.field("id", id)
                json.field("total", related.total)
                json.field("limit", limit)
                json.field("offset", offset)
                json.field("next", next)
                json.key("items")
                json.array { json in
                    for document in related.documents {
                        json.object { json in
                            state.catalog.writeSummaryFields(document.doc, into: &json)
                            json.field("score", Double(document.score))
                        }
                    }
                }
            }
            return HTTPResponse(status: .ok, contentType: "application/json", body: json.bytes)
        }
    }

    /// A duration as milliseconds with three decimals ("0.412"), rounded to the nearest
    /// microsecond: what `String(format: "%.3f")` gave, without Foundation's formatter (about 1 %
    /// of a search request's time).
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = max(0, seconds * 1_000_000 + (attoseconds + 500_000_000_000) / 1_000_000_000_000)
        let fraction = String(microseconds % 1000)
        return String(microseconds / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Related articles are the tail of a more-like-this ranking; deeper pages say little.
    static let maximumRelatedOffset = 100

    /// Errors the engine can still raise after validation: the query's syntax and a foreign cursor.
    static func problem(for error: SearchIndexError, parameters: SearchParameters) -> ProblemDetails {
        switch error {
        case .query(let parse):
            return .badParameter("q", "\(parse)")
        case .invalidCursor:
            return .badParameter("cursor", "not a cursor this corpus produced for this query and sort")
        case .invalidLimit, .invalidOffset, .unknownField, .unknownDocument, .documentShape:
            return ProblemDetails(status: .badRequest, detail: error.description)
        }
    }
}
