import Server

extension Setting {
    /// Every setting Newsdesk reads, in the order the docs list them.
    public static let all: [Setting] = [
        Setting(key: "server.host", environment: "NEWSDESK_HOST", help: "Address to listen on.", kind: .string) {
            if case .string(let value) = $1 { $0.server.host = value }
        },
        Setting(
            key: "server.port", environment: "NEWSDESK_PORT", help: "TCP port to listen on (0 picks a free one).",
            kind: .integer(0...65535)
        ) {
            if case .integer(let value) = $1 { $0.server.port = value }
        },
        Setting(
            key: "server.threads", environment: "NEWSDESK_THREADS", help: "Event loops; 0 means one per core.",
            kind: .integer(0...256)
        ) {
            if case .integer(let value) = $1 { $0.server.threads = value }
        },
        Setting(
            key: "data.paths", environment: "NEWSDESK_DATA",
            help: "Corpus folders or files (comma-separated in the variable); empty serves the bundled sample corpus.",
            kind: .strings
        ) {
            if case .strings(let value) = $1 { $0.dataPaths = value }
        },
        limit(
            "maxRequestLineBytes", "Longest request line; longer is answered 414.", 256...1_048_576,
            \.maxRequestLineBytes),
        limit(
            "maxHeaderBytes", "Bytes of all request header lines; more is answered 431.", 1024...4_194_304,
            \.maxHeaderBytes),
        limit("maxHeaderCount", "Number of request header fields; more is answered 431.", 1...10_000, \.maxHeaderCount),
        limit("maxBodyBytes", "Largest request body; larger is answered 413.", 0...1_073_741_824, \.maxBodyBytes),
        limit(
            "maxConnections", "Open connections at once; past it new ones get 503 and are closed.", 1...1_000_000,
            \.maxConnections),
        limit(
            "maxPipelinedRequests", "Requests read ahead on one connection before reading pauses.", 1...1024,
            \.maxPipelinedRequests),
        limit(
            "outputHighWaterBytes", "Unsent bytes per connection before reading pauses.", 4096...1_073_741_824,
            \.outputHighWaterBytes),
        timeout(
            "headerSeconds", "Time to receive a request's head; slower is answered 408 and closed.", \.headerSeconds),
        timeout("bodySeconds", "Time allowed between body bytes of a request.", \.bodySeconds),
        timeout(
            "requestSeconds", "Time from a request's first byte to its last body byte; slower is 408 (slow body).",
            \.requestSeconds),
        timeout("idleSeconds", "Idle keep-alive connections are closed after this.", \.idleSeconds),
        timeout(
            "writeSeconds", "A response that makes no progress this long is dropped (slow reader).", \.writeSeconds),
        timeout("drainSeconds", "On SIGTERM/SIGINT, time for requests in flight to finish.", \.drainSeconds),
        Setting(
            key: "tls.certificate", environment: "NEWSDESK_TLS_CERTIFICATE",
            help: "PEM certificate chain; with tls.privateKey, turns on HTTPS on tls.port.", kind: .string
        ) {
            if case .string(let value) = $1 { $0.server.tls.certificatePath = value }
        },
        Setting(
            key: "tls.privateKey", environment: "NEWSDESK_TLS_PRIVATE_KEY",
            help: "PEM private key of the certificate, unencrypted.", kind: .string
        ) {
            if case .string(let value) = $1 { $0.server.tls.privateKeyPath = value }
        },
        Setting(
            key: "tls.port", environment: "NEWSDESK_TLS_PORT", help: "HTTPS port (0 picks a free one).",
            kind: .integer(0...65535)
        ) {
            if case .integer(let value) = $1 { $0.server.tls.port = value }
        },
        Setting(
            key: "tls.plainHTTP", environment: "NEWSDESK_TLS_PLAIN_HTTP",
            help: "With HTTPS on: serve plain HTTP on server.port too, redirect it to HTTPS (308), or turn it off.",
            kind: .choice(ServerConfiguration.PlainHTTP.allCases.map(\.rawValue))
        ) {
            if case .string(let value) = $1, let mode = ServerConfiguration.PlainHTTP(rawValue: value) {
                $0.server.tls.plainHTTP = mode
            }
        },
        Setting(
            key: "tls.handshakeTimeoutSeconds", environment: nil,
            help: "Time from accept to a finished TLS handshake; slower clients are disconnected.", kind: .seconds
        ) {
            if case .seconds(let value) = $1 { $0.server.tls.handshakeTimeoutSeconds = value }
        },
        Setting(
            key: "cors.allowedOrigins", environment: "NEWSDESK_CORS_ORIGINS",
            help: "Origins allowed to call the API from a browser; \"*\" for any; none by default.", kind: .strings
        ) {
            if case .strings(let value) = $1 { $0.corsOrigins = value }
        },
        Setting(
            key: "compression.level", environment: "NEWSDESK_COMPRESSION_LEVEL",
            help: "gzip level for clients that accept it, 1 (fastest) to 9 (smallest); 0 turns compression off.",
            kind: .integer(0...9)
        ) {
            if case .integer(let value) = $1 { $0.compressionLevel = value }
        },
        Setting(
            key: "compression.minimumBytes", environment: nil,
            help: "Bodies smaller than this many bytes are sent uncompressed.", kind: .integer(0...1_073_741_824)
        ) {
            if case .integer(let value) = $1 { $0.compressionMinimumBytes = value }
        },
        Setting(
            key: "log.format", environment: "NEWSDESK_LOG_FORMAT", help: "Log line format.",
            kind: .choice(NewsdeskConfiguration.LogFormat.allCases.map(\.rawValue))
        ) {
            if case .string(let value) = $1, let format = NewsdeskConfiguration.LogFormat(rawValue: value) {
                $0.logFormat = format
            }
        },
        Setting(
            key: "log.access", environment: "NEWSDESK_ACCESS_LOG",
            help: "One access-log line per request on standard error.", kind: .boolean
        ) {
            if case .boolean(let value) = $1 { $0.accessLog = value }
        },
        Setting(
            key: "admin.token", environment: "NEWSDESK_ADMIN_TOKEN",
            help: "Bearer token for POST /v1/admin/reload; empty (the default) turns the admin endpoints off.",
            kind: .string
        ) {
            if case .string(let value) = $1 { $0.adminToken = value }
        },
        Setting(
            key: "entities.extract", environment: "NEWSDESK_ENTITIES",
            help:
                "Extract entities at load; false skips the gazetteers and the extraction (about half the start-up's CPU) and the entity endpoints answer 404.",
            kind: .boolean
        ) {
            if case .boolean(let value) = $1 { $0.extractEntities = value }
        },
    ]

    private static func limit(
        _ name: String, _ help: String, _ range: ClosedRange<Int>,
        _ field: any WritableKeyPath<ServerConfiguration.Limits, Int> & Sendable
    ) -> Setting {
        Setting(key: "limits.\(name)", environment: nil, help: help, kind: .integer(range)) {
            if case .integer(let value) = $1 { $0.server.limits[keyPath: field] = value }
        }
    }

    private static func timeout(
        _ name: String, _ help: String, _ field: any WritableKeyPath<ServerConfiguration.Timeouts, Double> & Sendable
    ) -> Setting {
        Setting(key: "timeouts.\(name)", environment: nil, help: help, kind: .seconds) {
            if case .seconds(let value) = $1 { $0.server.timeouts[keyPath: field] = value }
        }
    }
}
