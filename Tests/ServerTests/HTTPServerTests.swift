import Foundation
import HTTP
import Testing

@testable import Server

/// Runs `body` against a live server on 127.0.0.1 and an ephemeral port, then shuts it down.
func withServer(
    threads: Int = 2, responder: any HTTPResponder = TestResponder(), accessLog: AccessLog? = nil,
    metrics: ServerMetrics? = nil, configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer, Int) throws -> Void
) throws {
    var configuration = ServerConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.threads = threads
    configuration.timeouts.lingerSeconds = 0.5
    configure(&configuration)
    let server = HTTPServer(
        configuration: configuration, responder: responder, accessLog: accessLog, metrics: metrics)
    let port = try server.start()
    defer {
        server.shutdown()
        server.waitUntilStopped()
    }
    try body(server, port)
}

/// Whether a fresh client still gets answered: the server survived whatever came before.
func serverStillAnswers(_ port: Int) throws -> Bool {
    let client = try TestClient(port: port)
    try client.send("GET /alive HTTP/1.1\r\nHost: t\r\n\r\n")
    let response = try client.readResponse()
    return response.status == 200 && response.text == "GET /alive "
}

@Suite(.timeLimit(.minutes(1))) struct HTTPServerTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            for index in 0..<3 {
                try client.send("POST /echo/\(index) HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "POST /echo/\(index) hi")
                #expect(response.header("Server") == "newsdesk")
                #expect(response.header("Date")?.hasSuffix("GMT") == true)
                #expect(response.header("X-Request-Id")?.isEmpty == false)
                #expect(response.header("Connection") == nil)
            }
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try withServer(configure: { $0.limits.maxPipelinedRequests = 3 }) { _, port in
            let client = try TestClient(port: port)
            let requests = (1...40).map { "GET /p/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined()
            try client.send(requests)
            for index in 1...40 {
                #expect(try client.readResponse().text == "GET /p/\(index) ")
            }
        }
    }

    @Test func headCarriesLengthButNoBody() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("HEAD /thing HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try client.readResponse(bodyExpected: false)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String("HEAD /thing ".utf8.count))
            #expect(try client.readResponse().text == "GET /after ", "no body bytes were sent for HEAD")
        }
    }

    @Test func expectContinueGetsAnInterimResponseFirst() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("PUT /up HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            #expect(try client.readResponse(bodyExpected: false).status == 100)
            try client.send("data")
            #expect(try client.readResponse().text == "PUT /up data")
        }
    }

    @Test func expectContinueWithOversizedBodyIsRefusedBeforeTheBody() throws {
        try withServer(configure: { $0.limits.maxBodyBytes = 10 }) { _, port in
            let client = try TestClient(port: port)
            try client.send("PUT /up HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.header("Connection") == "close")
            _ = try client.readUntilClosed()
        }
    }

    @Test func chunkedRequestBodyIsDecoded() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send(
                "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n"
            )
            #expect(try client.readResponse().text == "POST /c abcde")
        }
    }

    static let badRequests: [(String, Int)] = [
        ("GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
        ("GET / HTTP/1.1\r\nHost: t\r\nX: a\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: t\r\nX: a\u{01}b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: t\r\nX: a\rb\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("GARBAGE\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505),
        ("GET /" + String(repeating: "x", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: t\r\nBig: " + String(repeating: "y", count: 40000) + "\r\n\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: t\r\n" + String(repeating: "X-A: 1\r\n", count: 101) + "\r\n", 431),
        ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: t\r\nExpect: teapot\r\n\r\n", 417),
    ]

    @Test(arguments: badRequests)
    func badRequestIsAnsweredThenClosedAndTheServerCarriesOn(_ request: String, _ status: Int) throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send(request)
            let response = try client.readResponse()
            #expect(response.status == status)
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(try client.readUntilClosed().isEmpty, "nothing follows the error response")
            #expect(try serverStillAnswers(port))
        }
    }

    @Test func unknownMethodIs501AndTheConnectionStays() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 501)
            try client.send("GET /next HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().text == "GET /next ")
        }
    }

    @Test func slowClientIsCutAtTheHeaderTimeout() throws {
        try withServer(configure: { $0.timeouts.headerSeconds = 0.3 }) { _, port in
            let client = try TestClient(port: port)
            let started = Date()
            try client.send("GET /slow HTTP/1.1\r\nHo")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(try client.readUntilClosed().isEmpty)
            #expect(Date().timeIntervalSince(started) < 3)
            #expect(try serverStillAnswers(port))
        }
    }

    @Test func tricklingBodyIsCutAtTheRequestTimeout() throws {
        try withServer(configure: {
            $0.timeouts.bodySeconds = 0.5
            $0.timeouts.requestSeconds = 1
        }) { _, port in
            let client = try TestClient(port: port)
            let started = Date()
            try client.send("POST /slow HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n")
            // A byte every 0.2 s keeps the 0.5 s body timer from expiring; the server cuts the
            // request at its 1 s deadline, so sending stops failing only when it has closed.
            for _ in 0..<25 {
                Thread.sleep(forTimeInterval: 0.2)
                if (try? client.send("x")) == nil { break }
            }
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(Date().timeIntervalSince(started) < 4)
            #expect(try serverStillAnswers(port))
        }
    }

    @Test func idleConnectionIsClosedSilently() throws {
        try withServer(configure: { $0.timeouts.idleSeconds = 0.3 }) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try client.readResponse()
            #expect(try client.readUntilClosed().isEmpty)
        }
    }

    @Test func slowReaderIsDroppedAtTheWriteTimeout() throws {
        try withServer(configure: { $0.timeouts.writeSeconds = 0.3 }) { server, port in
            let client = try TestClient(port: port)
            try client.send(String(repeating: "GET /big HTTP/1.1\r\nHost: t\r\n\r\n", count: 20))
            var waited = 0
            while server.openConnectionCount > 0, waited < 100 {
                Thread.sleep(forTimeInterval: 0.05)
                waited += 1
            }
            #expect(server.openConnectionCount == 0, "the stalled connection was closed")
            #expect(try serverStillAnswers(port))
        }
    }

    @Test func http10ClosesUnlessAskedToKeepAlive() throws {
        try withServer { _, port in
            let closing = try TestClient(port: port)
            try closing.send("GET /old HTTP/1.0\r\n\r\n")
            #expect(try closing.readResponse().header("Connection") == "close")
            #expect(try closing.readUntilClosed().isEmpty)

            let keeping = try TestClient(port: port)
            try keeping.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keeping.readResponse().header("Connection") == "keep-alive")
            try keeping.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keeping.readResponse().text == "GET /again ")
        }
    }

    @Test func responderCanCloseTheConnection() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /close HTTP/1.1\r\nHost: t\r\n\r\nGET /ignored HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.text == "bye")
            #expect(response.header("Connection") == "close")
            #expect(try client.readUntilClosed().isEmpty)
        }
    }

    @Test func halfClosedClientStillGetsItsAnswers() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\nGET /2 HTTP/1.1\r\nHost: t\r\n\r\n")
            client.shutdownWrite()
            #expect(try client.readResponse().text == "GET /1 ")
            #expect(try client.readResponse().text == "GET /2 ")
            #expect(try client.readUntilClosed().isEmpty)
        }
    }

    @Test func largeResponseSurvivesPartialWrites() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            let big = try client.readResponse()
            #expect(big.body.count == 3_000_000)
            #expect(big.body.allSatisfy { $0 == 0x61 })
            #expect(try client.readResponse().text == "GET /after ")
        }
    }

    @Test func requestIDIsEchoedWhenSaneAndMadeOtherwise() throws {
        try withServer { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /context HTTP/1.1\r\nHost: t\r\nX-Request-Id: trace-42.a:b\r\n\r\n")
            let echoed = try client.readResponse()
            #expect(echoed.header("X-Request-Id") == "trace-42.a:b")
            #expect(echoed.text.hasPrefix("trace-42.a:b 127.0.0.1:"))
            #expect(echoed.text.hasSuffix(" false"))

            try client.send("GET /context HTTP/1.1\r\nHost: t\r\nX-Request-Id: bad id<script>\r\n\r\n")
            let first = try client.readResponse().header("X-Request-Id")
            try client.send("GET /context HTTP/1.1\r\nHost: t\r\n\r\n")
            let second = try client.readResponse().header("X-Request-Id")
            #expect(first != nil && first != "bad id<script>")
            #expect(second != nil && second != first)
        }
    }

    @Test func connectionCapRefusesPolitely() throws {
        try withServer(threads: 1, configure: { $0.limits.maxConnections = 2 }) { server, port in
            let first = try TestClient(port: port)
            let second = try TestClient(port: port)
            for client in [first, second] {
                try client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try TestClient(port: port)
            let refused = try third.readResponse()
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "1")
            #expect(try third.readUntilClosed().isEmpty)
            #expect(server.openConnectionCount == 2)
            try first.send("GET /still HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try first.readResponse().text == "GET /still ")
        }
    }

    @Test func gracefulShutdownFinishesTheRequestInFlight() throws {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        // One loop, so seeing the idle connection closed proves the busy one's loop has begun to stop.
        configuration.threads = 1
        let server = HTTPServer(configuration: configuration, responder: TestResponder())
        let port = try server.start()
        let idle = try TestClient(port: port)
        let busy = try TestClient(port: port)
        try busy.send("POST /inflight HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 6\r\n\r\n")
        #expect(try busy.readResponse(bodyExpected: false).status == 100, "the server holds a request in flight")
        let stopper = Thread { server.shutdown() }
        stopper.start()
        #expect(try idle.readUntilClosed().isEmpty, "idle connection closed at shutdown")
        #expect(throws: TestClientError.self, "no longer accepting") {
            let late = try TestClient(port: port, receiveTimeout: 1)
            try late.send("GET /late HTTP/1.1\r\nHost: t\r\n\r\n")
            _ = try late.readResponse()
        }
        try busy.send("abcdef")
        let response = try busy.readResponse()
        #expect(response.text == "POST /inflight abcdef")
        #expect(response.header("Connection") == "close")
        server.waitUntilStopped()
    }

    @Test func secondServerOnTheSamePortIsAClearError() throws {
        try withServer { _, port in
            var configuration = ServerConfiguration()
            configuration.host = "127.0.0.1"
            configuration.port = port
            let rival = HTTPServer(configuration: configuration, responder: TestResponder())
            #expect(throws: HTTPServerError.addressInUse(host: "127.0.0.1", port: port)) { try rival.start() }
        }
    }

    @Test func absurdSettingsDoNotCrashTheServer() throws {
        try withServer(
            threads: 1,
            configure: {
                $0.backlog = Int.max
                $0.limits.maxConnections = -5
            }
        ) { _, port in
            let answered = try serverStillAnswers(port)
            #expect(answered)
        }
    }

    @Test func unknownHostIsAClearError() {
        var configuration = ServerConfiguration()
        configuration.host = "no-such-host.invalid"
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: TestResponder())
        #expect(throws: HTTPServerError.unresolvableHost("no-such-host.invalid")) { try server.start() }
    }
}
