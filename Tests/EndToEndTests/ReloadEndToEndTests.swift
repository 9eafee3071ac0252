import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Reloading the real binary's corpus by SIGHUP and by `POST /v1/admin/reload` with curl, while it
/// serves.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ReloadEndToEndTests {
    static let token = "e2e-admin-token"

    /// A scratch data folder with one JSONL file of two articles, removed afterwards.
    final class DataFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-reload-\(UUID())")

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try write("first.jsonl", ids: ["first-1", "first-2"])
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, ids: [String]) throws {
            let lines = ids.map {
                #"{"id": "\#($0)", "title": "Article \#($0)", "body": "The text of \#($0).", "date": "2026-02-03"}"#
            }
            try lines.joined(separator: "\n").write(
                to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    private func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    private func stats(_ server: ServerProcess) throws -> [String: Any] {
        json(try curl([server.url("/v1/stats")]).output)
    }

    /// Polls `/v1/stats` until its version is no longer `version`.
    private func statsAfterVersionChange(_ server: ServerProcess, from version: String?) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let current = try stats(server)
            if let changed = current["version"] as? String, changed != version { return current }
            usleep(50_000)
        }
        return [:]
    }

    /// Polls the admin status until the reload numbered `id` has finished.
    private func finishedReload(_ server: ServerProcess, id: Int) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let status = json(
                try curl(["-H", "Authorization: Bearer \(Self.token)", server.url("/v1/admin/reload")]).output)
            if status["id"] as? Int == id, status["state"] as? String != "running" { return status }
            usleep(50_000)
        }
        return [:]
    }

    @Test func sighupLoadsANewArticleUnderANewVersion() throws {
        let data = try DataFolder()
        let server = try ServerProcess(["--data", data.url.path])
        let before = try stats(server)
        #expect(before["articles"] as? Int == 2)
        try data.write("second.jsonl", ids: ["second-1"])
        #expect(kill(server.process.processIdentifier, SIGHUP) == 0)
        let after = try statsAfterVersionChange(server, from: before["version"] as? String)
        #expect(after["articles"] as? Int == 3)
        #expect(after["reloads"] as? Int == 1)
        #expect(json(try curl([server.url("/v1/articles/second-1")]).output)["title"] as? String == "Article second-1")
        #expect(server.standardError.contains("reload 1 (signal) succeeded"))
        #expect(server.process.isRunning)
        #expect(server.stop() == 0)
    }

    @Test func postWithTheTokenReloadsAndAFailedReloadKeepsServing() throws {
        let data = try DataFolder()
        let server = try ServerProcess(["--data", data.url.path], environment: ["NEWSDESK_ADMIN_TOKEN": Self.token])
        let endpoint = server.url("/v1/admin/reload")

        let refused = try curl(["-i", "-X", "POST", endpoint]).output
        #expect(refused.hasPrefix("HTTP/1.1 401"))
        #expect(refused.lowercased().contains("www-authenticate: bearer realm="))
        let wrong = try curl(["-i", "-X", "POST", "-H", "Authorization: Bearer nope", endpoint]).output
        #expect(wrong.hasPrefix("HTTP/1.1 401"))
        #expect(wrong.contains(#"error="invalid_token""#))

        let before = try stats(server)
        try data.write("second.jsonl", ids: ["second-1", "second-2"])
        let accepted = try curl(["-i", "-X", "POST", "-H", "Authorization: Bearer \(Self.token)", endpoint]).output
        #expect(accepted.hasPrefix("HTTP/1.1 202"))
        #expect(accepted.contains("Location: /v1/admin/reload"))
        let succeeded = try finishedReload(server, id: 1)
        #expect(succeeded["state"] as? String == "succeeded")
        let after = try stats(server)
        #expect(after["articles"] as? Int == 4)
        #expect(after["version"] as? String != before["version"] as? String)

        try FileManager.default.removeItem(at: data.url)
        let failing = try curl([
            "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H",
            "Authorization: Bearer \(Self.token)", endpoint,
        ]).output
        #expect(failing == "202")
        let failed = try finishedReload(server, id: 2)
        #expect(failed["state"] as? String == "failed")
        #expect((failed["error"] as? String)?.contains("no such file or folder") == true)
        let still = try stats(server)
        #expect(still["version"] as? String == after["version"] as? String)
        #expect(still["articles"] as? Int == 4)
        #expect(
            try curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", server.url("/v1/articles/second-2")]).output
                == "200")
        #expect(server.standardError.contains("reload 2 (api) failed"))
    }

    @Test func withoutATokenTheAdminEndpointIsNotThere() throws {
        let server = try ServerProcess()
        let code = try curl(["-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", server.url("/v1/admin/reload")])
        #expect(code.output == "404")
    }
}
