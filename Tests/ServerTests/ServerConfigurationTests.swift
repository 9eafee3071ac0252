import Testing

@testable import Server

@Suite struct ServerConfigurationTests {
    @Test func defaultLimitsAreConsistent() {
        let configuration = ServerConfiguration()
        #expect(configuration.limits.maxRequestLineBytes <= configuration.limits.maxHeaderBytes)
        #expect(configuration.timeouts.headerSeconds < configuration.timeouts.idleSeconds)
    }
}
