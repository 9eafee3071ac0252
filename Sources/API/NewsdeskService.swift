import Foundation
import HTTP
import Server
import Synchronization

/// The Newsdesk application: its routes over the current serving state, and the swap that installs
/// a newly loaded corpus. The server calls `responder` on its event loop threads.
public final class NewsdeskService: Sendable {
    /// The current state; nil while the first corpus loads. Held under a mutex only for the
    /// instant it takes to copy the reference; requests then read the immutable state lock-free.
    private let current = Mutex<ServingState?>(nil)
    public let configuration: NewsdeskConfiguration
    /// The server's request and connection counters; `GET /metrics` adds the corpus to them.
    public let metrics: ServerMetrics
    /// How many corpora were installed and how long the latest took to load, for `GET /metrics`.
    let loads = Mutex(LoadHistory())

    public init(configuration: NewsdeskConfiguration) {
        self.configuration = configuration
        metrics = ServerMetrics(namespace: "newsdesk", loopCount: configuration.server.effectiveThreadCount)
    }

    var state: ServingState? { current.withLock { $0 } }

    /// - Parameter loadSeconds: the time from reading the files to a servable state, when measured.
    func install(_ state: ServingState, loadSeconds: Double? = nil) {
        current.withLock { $0 = state }
        loads.withLock { history in
            history.count += 1
            if let loadSeconds { history.lastSeconds = loadSeconds }
        }
    }

    /// The routes and middleware, frozen.
    ///
    /// Middleware order, outermost first: CORS sees every answer, 304s included, and answers
    /// preflights before anything runs; conditional GET compares `If-None-Match` with the `ETag` of
    /// the representation compression chose; compression works on the handler's response.
    /// - Parameter reloader: what `POST /v1/admin/reload` starts; nil leaves the admin routes out.
    public func makeResponder(reloader: Reloader? = nil) -> any HTTPResponder {
        var router = Router()
        addRoutes(to: &router, reloader: reloader)
        var middleware: [any Middleware] = [
            CORSMiddleware(allowedOrigins: configuration.corsOrigins), ConditionalGETMiddleware(),
        ]
        if configuration.compressionLevel > 0 {
            middleware.append(
                CompressionMiddleware(
                    minimumBytes: configuration.compressionMinimumBytes, level: configuration.compressionLevel))
        }
        return router.build(
            middleware: middleware, metrics: metrics,
            renderError: { status, detail in ProblemDetails(status: status, detail: detail).response() })
    }

    /// Every route, in the order the docs and the OpenAPI document list them. The admin routes
    /// exist only with a `reloader` and a configured `admin.token`; otherwise they are 404 like any
    /// unknown path.
    public func addRoutes(to router: inout Router, reloader: Reloader? = nil) {
        router.get("/health") { _, _, _ in Self.json(#"{"status":"ok"}"#, cache: "no-store") }
        router.get("/ready") { [self] request, _, _ in
            guard let state else {
                var response = ProblemDetails(status: .serviceUnavailable, detail: "The corpus is still loading.")
                    .response(instance: request.path)
                response.headers["Retry-After"] = "1"
                return response
            }
            return Self.json(#"{"status":"ready","version":"\#(state.version)"}"#, cache: "no-store")
        }
        route(&router, "/v1/stats") { (request, state, _) throws(ProblemDetails) in
            _ = try ParameterReader(request, allowed: [])
            var response = HTTPResponse(status: .ok, contentType: "application/json", body: state.stats)
            response.headers["ETag"] = state.statsETag
            return response
        }
        route(&router, "/v1/articles") { (request, state, _) throws(ProblemDetails) in
            let list = try ArticleListRequest(request)
            return Self.articleList(list, catalog: state.catalog)
        }
        route(&router, "/v1/articles/{id}") { (request, state, parameters) throws(ProblemDetails) in
            _ = try ParameterReader(request, allowed: [])
            let id = parameters["id"] ?? ""
            guard let index = state.catalog.index(ofID: id) else {
                throw ProblemDetails(status: .notFound, detail: "No article has the id \"\(id)\".")
            }
            let record = state.catalog.record(index)
            var response = HTTPResponse(status: .ok, contentType: "application/json", body: record.body)
            response.compressedCopy = record.gzip
            return response
        }
        addSearchRoutes(to: &router)
        addEntityRoutes(to: &router)
        if let reloader, !configuration.adminToken.isEmpty { addAdminRoutes(to: &router, reloader: reloader) }
        OpenAPIDocument.addRoute(to: &router)
        addMetricsRoute(to: &router)
        BrowserAssets.addRoutes(to: &router)
    }

    typealias StateHandler =
        @Sendable (HTTPRequest, ServingState, RouteParameters) throws(ProblemDetails) -> HTTPResponse

    /// Routes a corpus-backed GET: 503 while loading, problems rendered, and the corpus version as
    /// the `ETag` (unless the handler set its own) with a short freshness lifetime on success.
    func route(_ router: inout Router, _ pattern: String, handler: @escaping StateHandler) {
        router.get(pattern) { [self] request, _, parameters in
            guard let state else {
                var response = ProblemDetails(status: .serviceUnavailable, detail: "The corpus is still loading.")
                    .response(instance: request.path)
                response.headers["Retry-After"] = "1"
                return response
            }
            do throws(ProblemDetails) {
                var response = try handler(request, state, parameters)
                if response.headers["ETag"] == nil { response.headers["ETag"] = state.etag }
                response.headers["Cache-Control"] = "max-age=60"
                return response
            } catch {
                return error.response(instance: request.path)
            }
        }
    }

    static func json(_ text: String, cache: String) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, contentType: "application/json", body: Array(text.utf8))
        response.headers["Cache-Control"] = cache
        return response
    }

    static func articleList(_ list: ArticleListRequest, catalog: ArticleCatalog) -> HTTPResponse {
        let (total, indexes) = catalog.page(for: list)
        var json = JSONWriter(capacity: 1024 + indexes.count * 768)
        json.object { json in
            json.field("total", total)
            json.field("limit", list.limit)
            json.field("offset", list.offset)
            let nextOffset = list.offset + list.limit
            json.field("next", nextOffset < total ? list.link(offset: nextOffset) : nil)
            json.key("items")
            json.array { json in
                catalog.writeSummaries(indexes, into: &json)
            }
        }
        return HTTPResponse(status: .ok, contentType: "application/json", body: json.bytes)
    }
}
