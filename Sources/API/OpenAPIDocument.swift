import Foundation
import HTTP
import Server

/// `GET /openapi.json`: the OpenAPI 3.1 description of every route, a static resource of the API
/// module (`OpenAPI/openapi.json`). Tests keep it true: its paths and methods against the router's
/// table, its parameters against what each handler accepts, its schemas against real responses;
/// CI runs `openapi-spec-validator` and `schemathesis` on the served copy.
enum OpenAPIDocument {
    /// The document's bytes, read once; nil when the build lost the resource.
    static let bytes: [UInt8]? = {
        guard let url = Bundle.module.url(forResource: "OpenAPI/openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return Array(data)
    }()

    static func addRoute(to router: inout Router) {
        guard let bytes else {
            let problem = ProblemDetails(
                status: .internalServerError, detail: "The OpenAPI document is missing from the build.")
            router.get("/openapi.json") { request, _, _ in problem.response(instance: request.path) }
            return
        }
        let response = BrowserAssets.response(name: "openapi.json", contentType: "application/json", body: bytes)
        router.get("/openapi.json") { _, _, _ in response }
    }
}
