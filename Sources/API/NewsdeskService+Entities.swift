import Corpus
import Entities
import Foundation
import HTTP
import Server

extension NewsdeskService {
    /// Entity ids are `type/slug`, so their routes take two path segments.
    func addEntityRoutes(to router: inout Router) {
        route(&router, "/v1/entities") { (request, state, _) throws(ProblemDetails) in
            try Self.requireEntities(state)
            let reader = try ParameterReader(request, allowed: ["type", "q", "sort", "limit", "offset"])
            let type: EntityType? = try reader.optionalChoice("type")
            let prefix = try reader.string("q")
            let sort: EntitySort = try reader.choice("sort", default: .articles)
            let limit = try reader.integer("limit", default: 20, range: 1...100)
            let offset = try reader.integer("offset", default: 0, range: 0...Int(Int32.max))
            let (total, page) = state.snapshot.entities.entities(
                type: type, prefix: prefix, sort: sort, offset: offset, limit: limit)
            var json = JSONWriter(capacity: 512 + page.count * 160)
            json.object { json in
                json.field("total", total)
                json.field("limit", limit)
                json.field("offset", offset)
                json.field("next", offset + limit < total ? Self.entityListLink(request, offset: offset + limit) : nil)
                json.key("items")
                json.array { json in
                    for entity in page {
                        json.object { json in
                            json.field("id", entity.id)
                            json.field("name", entity.name)
                            json.field("type", entity.type.rawValue)
                            json.field("articles", entity.articleCount)
                            json.field("mentions", entity.mentionCount)
                        }
                    }
                }
            }
            return HTTPResponse(status: .ok, contentType: "application/json", body: json.bytes)
        }
        route(&router, "/v1/entities/{type}/{slug}") { (request, state, parameters) throws(ProblemDetails) in
            try Self.requireEntities(state)
            _ = try ParameterReader(request, allowed: [])
            let entity = try Self.entity(parameters, in: state)
            return HTTPResponse(
                status: .ok, contentType: "application/json",
                body: EntityJSON.detail(entity, index: state.snapshot.entities))
        }
        route(&router, "/v1/entities/{type}/{slug}/articles") { (request, state, parameters) throws(ProblemDetails) in
            try Self.requireEntities(state)
            let reader = try ParameterReader(request, allowed: ["sort", "limit", "offset"])
            let sort: EntityArticleSort = try reader.choice("sort", default: .salience)
            let limit = try reader.integer("limit", default: 20, range: 1...100)
            let offset = try reader.integer("offset", default: 0, range: 0...Int(Int32.max))
            let entity = try Self.entity(parameters, in: state)
            var articles = state.snapshot.entities.articles(of: entity.id, sort: sort == .salience ? .salience : .date)
            if sort == .date { articles.reverse() }
            let next =
                offset + limit < articles.count
                ? "/v1/entities/\(entity.id)/articles?"
                    + [
                        sort == .salience ? nil : "sort=\(sort.rawValue)", "limit=\(limit)", "offset=\(offset + limit)",
                    ].compactMap { $0 }.joined(separator: "&") : nil
            return HTTPResponse(
                status: .ok, contentType: "application/json",
                body: EntityJSON.articles(
                    articles, total: articles.count, limit: limit, offset: offset, next: next, state: state))
        }
        route(&router, "/v1/entities/{type}/{slug}/timeline") { (request, state, parameters) throws(ProblemDetails) in
            try Self.requireEntities(state)
            let reader = try ParameterReader(request, allowed: ["interval"])
            let interval: TimelineInterval = try reader.choice("interval", default: .month)
            let entity = try Self.entity(parameters, in: state)
            let points = state.snapshot.entities.timeline(of: entity.id, interval: interval)
            return HTTPResponse(
                status: .ok, contentType: "application/json",
                body: EntityJSON.timeline(
                    points, undated: state.snapshot.entities.undatedCounts(of: entity.id), id: entity.id,
                    interval: interval))
        }
    }

    /// Before anything else, parameters included: without extraction no request can succeed.
    static func requireEntities(_ state: ServingState) throws(ProblemDetails) {
        guard state.snapshot.extractsEntities else { throw .entitiesOff }
    }

    static func entity(_ parameters: RouteParameters, in state: ServingState) throws(ProblemDetails) -> Entity {
        let id = "\(parameters["type"] ?? "")/\(parameters["slug"] ?? "")"
        guard let entity = state.snapshot.entities.entity(id: id) else {
            throw ProblemDetails(status: .notFound, detail: "No entity has the id \"\(id)\".")
        }
        return entity
    }

    static func entityListLink(_ request: HTTPRequest, offset: Int) -> String {
        var items = request.queryParameters.filter { $0.name != "offset" }.map {
            "\($0.name)=\(ArticleListRequest.encode($0.value ?? ""))"
        }
        items.append("offset=\(offset)")
        return "/v1/entities?" + items.joined(separator: "&")
    }
}

/// Orders of `GET /v1/entities/{id}/articles`.
enum EntityArticleSort: String, CaseIterable {
    case salience
    /// Oldest first.
    case date
    /// Newest first.
    case newestFirst = "-date"
}
