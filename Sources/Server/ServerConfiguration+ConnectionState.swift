import Foundation
import HTTP

extension ServerConfiguration {
    /// The protocol module's view of these settings: HTTP does not depend on Server.
    var connectionStateConfiguration: ConnectionState.Configuration {
        ConnectionState.Configuration(
            limits: HTTPLimits(
                maxRequestLineBytes: limits.maxRequestLineBytes, maxHeaderBytes: limits.maxHeaderBytes,
                maxHeaderCount: limits.maxHeaderCount, maxBodyBytes: limits.maxBodyBytes),
            headerTimeout: ConnectionState.Configuration.nanoseconds(timeouts.headerSeconds),
            bodyTimeout: ConnectionState.Configuration.nanoseconds(timeouts.bodySeconds),
            requestTimeout: ConnectionState.Configuration.nanoseconds(timeouts.requestSeconds),
            idleTimeout: ConnectionState.Configuration.nanoseconds(timeouts.idleSeconds),
            writeTimeout: ConnectionState.Configuration.nanoseconds(timeouts.writeSeconds),
            lingerTimeout: ConnectionState.Configuration.nanoseconds(timeouts.lingerSeconds),
            maxRequestsPerTurn: limits.maxPipelinedRequests,
            outputHighWaterBytes: limits.outputHighWaterBytes)
    }

    /// The tick of each loop's timer wheel: a quarter of the shortest timeout (the TLS handshake's
    /// included), between 10 ms and 1 s, so a timeout fires at most that late and a loop with
    /// nothing due sleeps.
    var timerGranularity: UInt64 {
        var shortest = min(timeouts.headerSeconds, timeouts.bodySeconds, timeouts.idleSeconds, timeouts.writeSeconds)
        if tls.isRequested { shortest = min(shortest, tls.handshakeTimeoutSeconds) }
        let seconds = max(0.01, min(1, shortest / 4))
        return ConnectionState.Configuration.nanoseconds(seconds)
    }

    /// The loops to run: `threads`, or one per core when it is 0.
    public var effectiveThreadCount: Int {
        threads > 0 ? threads : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
