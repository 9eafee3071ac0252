import Testing

@testable import HTTP

@Suite struct ResponseWriterTests {
    func render(
        _ response: HTTPResponse, head: Bool = false, keepAlive: Bool = true, version: HTTPVersion = .http1_1,
        requestID: String? = nil
    ) -> String {
        var writer = ResponseWriter()
        var buffer: [UInt8] = []
        let count = writer.write(
            response, isHeadRequest: head, keepAlive: keepAlive, version: version, requestID: requestID,
            epochSeconds: 784_111_777, into: &buffer)
        #expect(count == buffer.count)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test func writesStatusFramingAndBody() {
        let text = render(HTTPResponse(contentType: "text/plain", body: Array("hello".utf8)), requestID: "abc")
        #expect(
            text
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Server: newsdesk\r\nX-Request-Id: abc\r\nContent-Length: 5\r\n\r\nhello")
    }

    @Test func headAnnouncesLengthWithoutBody() {
        let text = render(HTTPResponse(body: Array("hello".utf8)), head: true)
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test(arguments: [204, 304, 101])
    func bodilessStatusesCarryNoBody(_ code: Int) {
        let text = render(HTTPResponse(status: HTTPStatus(code: code, reasonPhrase: "X"), body: Array("junk".utf8)))
        #expect(!text.contains("junk"))
        #expect(!text.contains("Content-Length"))
    }

    @Test func connectionHeaderFollowsKeepAliveAndVersion() {
        #expect(render(HTTPResponse(), keepAlive: false).contains("Connection: close\r\n"))
        #expect(render(HTTPResponse(), keepAlive: true, version: .http1_0).contains("Connection: keep-alive\r\n"))
        #expect(!render(HTTPResponse(), keepAlive: true).contains("Connection:"))
    }

    @Test func responderFramingFieldsAreReplaced() {
        var headers = HTTPFields()
        headers.append(name: "Content-Length", value: "999")
        headers.append(name: "Transfer-Encoding", value: "chunked")
        headers.append(name: "Connection", value: "keep-alive")
        headers.append(name: "Server", value: "custom")
        let text = render(HTTPResponse(headers: headers, body: Array("ab".utf8)), keepAlive: false)
        #expect(text.contains("Content-Length: 2\r\n"))
        #expect(!text.contains("999"))
        #expect(!text.contains("chunked"))
        #expect(!text.contains("keep-alive"))
        #expect(text.contains("Server: custom\r\n"))
        #expect(!text.contains("newsdesk"))
    }

    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_767_225_599, "Wed, 31 Dec 2025 23:59:59 GMT"),
        (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
    ])
    func datesAreIMFFixdate(_ seconds: Int, _ expected: String) {
        #expect(HTTPDate.format(epochSeconds: seconds) == expected)
    }

    @Test func dateLineFollowsTheClock() {
        var writer = ResponseWriter()
        var first: [UInt8] = []
        var second: [UInt8] = []
        writer.write(HTTPResponse(), keepAlive: true, epochSeconds: 0, into: &first)
        writer.write(HTTPResponse(), keepAlive: true, epochSeconds: 61, into: &second)
        #expect(String(decoding: first, as: UTF8.self).contains("00:00:00 GMT"))
        #expect(String(decoding: second, as: UTF8.self).contains("00:01:01 GMT"))
    }
}
