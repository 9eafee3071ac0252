import HTTP

extension ProblemDetails {
    /// The problem as an `application/problem+json` response; `instance` is the request path.
    func response(instance: String? = nil) -> HTTPResponse {
        var json = JSONWriter(capacity: 256)
        json.object { json in
            json.field("type", type)
            json.field("title", title)
            json.field("status", status.code)
            json.field("detail", detail)
            if let instance { json.field("instance", instance) }
            if let parameter { json.field("parameter", parameter) }
        }
        var response = HTTPResponse(status: status, contentType: "application/problem+json", body: json.bytes)
        response.headers["Cache-Control"] = "no-store"
        return response
    }
}
