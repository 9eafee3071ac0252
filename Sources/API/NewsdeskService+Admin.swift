import Foundation
import HTTP
import Server

extension NewsdeskService {
    /// `POST /v1/admin/reload` starts a reload and answers `202` at once with a `Location` to poll
    /// (the event loop never waits for a corpus to load); `GET` shows the running or last reload.
    /// Both need the `admin.token` as a bearer token.
    func addAdminRoutes(to router: inout Router, reloader: Reloader) {
        let token = BearerToken(configuration.adminToken)
        let statusPath = "/v1/admin/reload"
        router.post(statusPath) { [self] request, _, _ in
            if let refusal = Self.refusal(token.verdict(for: request), instance: request.path) { return refusal }
            switch reloader.start(.api) {
            case .started(let status):
                var response = Self.status(status, serving: state, code: .accepted)
                response.headers["Location"] = statusPath
                return response
            case .alreadyRunning(let status):
                let started = status.startedAt.map(DateBound.format) ?? "?"
                var response = ProblemDetails(
                    status: .conflict, title: "Reload already running",
                    detail:
                        "Reload \(status.id) (started \(started) by \(status.trigger?.rawValue ?? "?")) is still running; "
                        + "GET \(statusPath) shows when it finishes, then ask again."
                ).response(instance: request.path)
                response.headers["Location"] = statusPath
                response.headers["Retry-After"] = "1"
                return response
            }
        }
        router.get(statusPath) { [self] request, _, _ in
            if let refusal = Self.refusal(token.verdict(for: request), instance: request.path) { return refusal }
            return Self.status(reloader.status, serving: state, code: .ok)
        }
    }

    /// The `401` for a request without the right token (RFC 6750 `WWW-Authenticate`), or nil.
    private static func refusal(_ verdict: BearerToken.Verdict, instance: String) -> HTTPResponse? {
        let detail: String
        var challenge = #"Bearer realm="newsdesk admin""#
        switch verdict {
        case .accepted: return nil
        case .missing: detail = "The admin endpoints need an Authorization: Bearer header with the admin token."
        case .wrong:
            detail = "The bearer token is not the admin token."
            challenge += #", error="invalid_token""#
        }
        var response = ProblemDetails(status: .unauthorized, detail: detail).response(instance: instance)
        response.headers["WWW-Authenticate"] = challenge
        return response
    }

    private static func status(_ status: ReloadStatus, serving: ServingState?, code: HTTPStatus) -> HTTPResponse {
        var response = HTTPResponse(status: code, contentType: "application/json", body: status.json(serving: serving))
        response.headers["Cache-Control"] = "no-store"
        return response
    }
}
