import Foundation
import Testing

@testable import Server

@Suite struct ServerConfigurationTests {
    @Test func defaultLimitsAreConsistent() {
        let configuration = ServerConfiguration()
        #expect(configuration.limits.maxRequestLineBytes <= configuration.limits.maxHeaderBytes)
        #expect(configuration.timeouts.headerSeconds < configuration.timeouts.idleSeconds)
    }
}

@Suite struct ServerConfigurationMappingTests {
    @Test func limitsAndTimeoutsReachTheConnectionState() {
        var configuration = ServerConfiguration()
        configuration.limits.maxHeaderBytes = 1234
        configuration.limits.maxPipelinedRequests = 7
        configuration.timeouts.headerSeconds = 2.5
        configuration.timeouts.lingerSeconds = 0.25
        let state = configuration.connectionStateConfiguration
        #expect(state.limits.maxHeaderBytes == 1234)
        #expect(state.maxRequestsPerTurn == 7)
        #expect(state.headerTimeout == 2_500_000_000)
        #expect(state.lingerTimeout == 250_000_000)
    }

    @Test func timerTickIsFineEnoughForTheShortestTimeout() {
        var configuration = ServerConfiguration()
        #expect(configuration.timerGranularity == 1_000_000_000)
        configuration.timeouts.headerSeconds = 0.2
        #expect(configuration.timerGranularity == 50_000_000)
        configuration.timeouts.headerSeconds = 0.001
        #expect(configuration.timerGranularity == 10_000_000)
    }

    @Test func zeroThreadsMeansOneLoopPerCore() {
        var configuration = ServerConfiguration()
        configuration.threads = 0
        #expect(configuration.effectiveThreadCount == ProcessInfo.processInfo.activeProcessorCount)
        configuration.threads = 3
        #expect(configuration.effectiveThreadCount == 3)
    }
}
