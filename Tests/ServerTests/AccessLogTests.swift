import Foundation
import Testing

@testable import Server

@Suite(.timeLimit(.minutes(1))) struct AccessLogTests {
    @Test func jsonLinesAreWrittenPerRequest() throws {
        let pipe = Pipe()
        let log = AccessLog(format: .json, fileHandle: pipe.fileHandleForWriting)
        try withServer(accessLog: log) { _, port in
            let client = try TestClient(port: port)
            try client.send("GET /logged%22path HTTP/1.1\r\nHost: t\r\nX-Request-Id: r-1\r\n\r\n")
            _ = try client.readResponse()
        }
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["method"] as? String == "GET")
        #expect(object?["path"] as? String == "/logged\"path")
        #expect(object?["status"] as? Int == 200)
        #expect(object?["request_id"] as? String == "r-1")
        #expect((object?["bytes"] as? Int ?? 0) > 0)
        #expect((object?["remote"] as? String)?.hasPrefix("127.0.0.1:") == true)
        #expect(object?["duration_us"] is Int)
    }

    @Test func textLinesEscapeWhatCouldForgeALine() {
        let log = AccessLog(format: .text, fileDescriptor: -1)
        var buffer: [UInt8] = []
        log.append(
            AccessLog.Entry(
                time: "2026-01-01T00:00:00Z", method: "GET", path: "/a\nFAKE \"line\"", status: 404, bytes: 10,
                durationMicroseconds: 7, requestID: "id1", remoteAddress: "127.0.0.1:1"),
            to: &buffer)
        let line = String(decoding: buffer, as: UTF8.self)
        #expect(line == "2026-01-01T00:00:00Z 127.0.0.1:1 \"GET /a\\nFAKE \\\"line\\\"\" 404 10B 7us id=id1\n")
    }
}
