extension HTTPRequestError {
    /// The answer to the error: its status and a problem document naming what was wrong.
    public var response: HTTPResponse { .problem(status, detail: description) }
}
