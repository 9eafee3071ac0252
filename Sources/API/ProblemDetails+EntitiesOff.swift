import HTTP

extension ProblemDetails {
    /// The problem type of every request that needs entities while extraction is turned off
    /// (`entities.extract` false). A tag URI (RFC 4151): it names the problem and is not meant to be
    /// fetched; Docs/API.md describes it.
    static let entitiesOffType = "tag:newsdesk,2026:entities-off"

    static let entitiesOffTitle = "Entity extraction is off"

    /// How to turn extraction back on, the end of every such problem's detail.
    static let turnEntitiesOn =
        "start the server with entities.extract true (--entities, NEWSDESK_ENTITIES=true) to have them"

    /// The answer of the entity endpoints: 404, since this server has no entities at all, not a
    /// failure (5xx) nor a bad request (the same request is fine on a server that extracts them).
    static let entitiesOff = ProblemDetails(
        type: entitiesOffType, status: .notFound, title: entitiesOffTitle,
        detail: "This server does not extract entities, so it has none; \(turnEntitiesOn).")

    /// A 400 for a search parameter that names entities, which this server does not have. Its
    /// title is the 404's: a problem type keeps one title (RFC 9457, section 3.1.3).
    static func entitiesOff(parameter name: String, _ what: String) -> ProblemDetails {
        ProblemDetails(
            type: entitiesOffType, status: .badRequest, title: entitiesOffTitle,
            detail: "\(name): \(what) needs entities, and this server does not extract them; \(turnEntitiesOn)",
            parameter: name)
    }

    init(type: String, status: HTTPStatus, title: String, detail: String, parameter: String? = nil) {
        self.init(status: status, title: title, detail: detail, parameter: parameter)
        self.type = type
    }
}
