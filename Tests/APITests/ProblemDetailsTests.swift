import Testing

@testable import API

@Suite struct ProblemDetailsTests {
    @Test func badParameterNamesTheParameter() {
        let problem = ProblemDetails.badParameter("limit", "must be an integer from 1 to 100")
        #expect(problem.status.code == 400)
        #expect(problem.parameter == "limit")
        #expect(problem.detail.hasPrefix("limit:"))
    }
}
