import Corpus
import Foundation
import HTTP
import Server
import Testing

@testable import API

/// `GET` and `POST /v1/admin/reload` through the real router, over a corpus in a scratch folder
/// that the tests change between reloads.
@Suite(.timeLimit(.minutes(2))) struct AdminEndpointTests {
    static let token = "s3cret-token"
    static let path = "/v1/admin/reload"

    /// A service over `folder` with a loaded corpus, and its responder with the admin routes.
    final class Fixture {
        let folder: URL
        let service: NewsdeskService
        let reloader: Reloader
        let responder: any HTTPResponder

        init(token: String = AdminEndpointTests.token, steps: [ReloadStep]? = nil) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("admin-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var configuration = NewsdeskConfiguration()
            configuration.dataPaths = [folder.path]
            configuration.adminToken = token
            service = NewsdeskService(configuration: configuration)
            reloader = Reloader()
            for step in steps ?? [service.corpusReloadStep] { reloader.add(step) }
            responder = service.makeResponder(reloader: reloader)
            try write("first.jsonl", ids: ["a-1", "a-2"])
            service.loadCorpus()
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func write(_ name: String, ids: [String]) throws {
            let lines = ids.map {
                #"{"id": "\#($0)", "title": "Title \#($0)", "body": "Body of \#($0).", "date": "2026-01-02"}"#
            }
            try lines.joined(separator: "\n").write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func send(_ method: HTTPMethod, _ target: String, authorization: String? = nil) -> HTTPResponse {
            var headers = HTTPFields()
            if let authorization { headers.append(name: "Authorization", value: authorization) }
            return responder.respond(
                to: HTTPRequest(method: method, target: target, headers: headers),
                context: RequestContext(requestID: "test", remoteAddress: "127.0.0.1:1", receivedAt: 0))
        }

        func admin(_ method: HTTPMethod) -> HTTPResponse {
            send(method, AdminEndpointTests.path, authorization: "Bearer \(AdminEndpointTests.token)")
        }

        var stats: [String: Any] { APIFixtures.json(send(.get, "/v1/stats")) }

        /// Polls the status until the reload numbered `id` has finished.
        func finished(_ id: Int) -> [String: Any] {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let status = APIFixtures.json(admin(.get))
                if status["id"] as? Int == id, status["state"] as? String != "running" { return status }
                usleep(10_000)
            }
            return [:]
        }

        /// Starts a reload through the API and returns its final status.
        func reload() -> [String: Any] {
            let started = admin(.post)
            #expect(started.status == .accepted)
            return finished(APIFixtures.json(started)["id"] as? Int ?? -1)
        }
    }

    @Test func theAdminRoutesDoNotExistWithoutAToken() throws {
        let fixture = try Fixture(token: "")
        #expect(fixture.admin(.post).status == .notFound)
        #expect(fixture.admin(.get).status == .notFound)
        #expect(fixture.reloader.status.id == 0)
    }

    @Test(
        arguments: [
            (nil, false), ("Basic czNjcmV0LXRva2Vu", false), ("Bearer", false), ("Bearer wrong", true),
            ("Bearer s3cret-toke", true), ("Bearer s3cret-tokenX", true), ("Bearer S3CRET-TOKEN", true),
        ] as [(String?, Bool)])
    func aMissingOrWrongTokenIs401WithABearerChallenge(_ authorization: String?, _ invalid: Bool) throws {
        let fixture = try Fixture()
        for method in [HTTPMethod.post, .get] {
            let response = fixture.send(method, Self.path, authorization: authorization)
            #expect(response.status == .unauthorized)
            #expect(response.headers["Content-Type"] == "application/problem+json")
            let challenge = response.headers["WWW-Authenticate"] ?? ""
            #expect(challenge.hasPrefix("Bearer realm="))
            #expect(challenge.contains(#"error="invalid_token""#) == invalid)
        }
        #expect(fixture.reloader.status.id == 0, "a refused POST starts nothing")
    }

    @Test func theSchemeIsCaseInsensitiveAndSpacesAroundTheTokenAreAllowed() throws {
        let fixture = try Fixture()
        let response = fixture.send(.get, Self.path, authorization: "bearer   \(Self.token)")
        #expect(response.status == .ok)
    }

    @Test func theStatusBeforeAnyReloadIsIdleAndNamesTheServingVersion() throws {
        let fixture = try Fixture()
        let response = fixture.admin(.get)
        #expect(response.status == .ok)
        #expect(response.headers["Cache-Control"] == "no-store")
        let status = APIFixtures.json(response)
        #expect(status["state"] as? String == "idle")
        #expect(status["id"] as? Int == 0)
        let serving = status["serving"] as? [String: Any] ?? [:]
        #expect(serving["version"] as? String == fixture.stats["version"] as? String)
        #expect(serving["articles"] as? Int == 2)
    }

    @Test func aReloadPicksUpANewFileAndChangesTheVersion() throws {
        let fixture = try Fixture()
        let before = fixture.stats
        try fixture.write("second.jsonl", ids: ["b-1"])
        let started = fixture.admin(.post)
        #expect(started.status == .accepted)
        #expect(started.headers["Location"] == Self.path)
        let startedBody = APIFixtures.json(started)
        #expect(startedBody["state"] as? String == "running")
        let status = fixture.finished(startedBody["id"] as? Int ?? -1)
        #expect(status["state"] as? String == "succeeded")
        #expect(status["error"] is NSNull)
        #expect(status["succeeded"] as? Int == 1)
        let after = fixture.stats
        #expect(after["articles"] as? Int == 3)
        #expect(after["reloads"] as? Int == 1)
        #expect(after["version"] as? String != before["version"] as? String)
        #expect((status["serving"] as? [String: Any])?["version"] as? String == after["version"] as? String)
        #expect(fixture.send(.get, "/v1/articles/b-1").status == .ok)
    }

    enum Breakage: String, CaseIterable {
        case folderRemoved, folderEmptied, fileUnreadable
    }

    @Test(arguments: Breakage.allCases)
    func aFailedReloadKeepsTheOldCorpusServingAndSaysWhy(_ breakage: Breakage) throws {
        let fixture = try Fixture()
        let before = fixture.stats
        let file = fixture.folder.appendingPathComponent("first.jsonl")
        let expected: String
        switch breakage {
        case .folderRemoved:
            try FileManager.default.removeItem(at: fixture.folder)
            expected = "no such file or folder"
        case .folderEmptied:
            try FileManager.default.removeItem(at: file)
            expected = "no loadable article"
        case .fileUnreadable:
            // A link to nothing is a file listed but not readable, for root too (which reads a file
            // whatever its mode): what a file deleted between listing and reading looks like.
            try FileManager.default.createSymbolicLink(
                at: fixture.folder.appendingPathComponent("vanished.jsonl"),
                withDestinationURL: fixture.folder.appendingPathComponent("nowhere"))
            expected = "cannot read"
        }
        let status = fixture.reload()
        #expect(status["state"] as? String == "failed")
        #expect((status["error"] as? String)?.contains(expected) == true, "\(status["error"] ?? "")")
        #expect(status["failed"] as? Int == 1)
        let after = fixture.stats
        #expect(after["version"] as? String == before["version"] as? String)
        #expect(after["articles"] as? Int == 2)
        #expect(after["reloads"] as? Int == 0)
        #expect(fixture.send(.get, "/v1/articles/a-1").status == .ok)
    }

    @Test func aSecondReloadWhileOneRunsIs409AndTheFirstStillFinishes() throws {
        let release = DispatchSemaphore(value: 0)
        let fixture = try Fixture(steps: [
            ReloadStep(name: "slow") {
                release.wait()
                return "done"
            }
        ])
        #expect(fixture.admin(.post).status == .accepted)
        let second = fixture.admin(.post)
        #expect(second.status == .conflict)
        #expect(second.headers["Content-Type"] == "application/problem+json")
        #expect(second.headers["Location"] == Self.path)
        #expect((APIFixtures.json(second)["detail"] as? String)?.contains("still running") == true)
        release.signal()
        let status = fixture.finished(1)
        #expect(status["state"] as? String == "succeeded")
        #expect((status["steps"] as? [[String: Any]])?.first?["detail"] as? String == "done")
        release.signal()
        #expect(fixture.reload()["id"] as? Int == 2, "a reload may start once the last one finished")
    }

    @Test func statsChangeTheirETagOnAReloadEvenWhenTheContentDoesNot() throws {
        let fixture = try Fixture()
        let first = fixture.send(.get, "/v1/stats")
        let articleTag = fixture.send(.get, "/v1/articles/a-1").headers["ETag"]
        #expect(fixture.reload()["state"] as? String == "succeeded")
        let second = fixture.send(.get, "/v1/stats")
        #expect(APIFixtures.json(second)["version"] as? String == APIFixtures.json(first)["version"] as? String)
        #expect(second.headers["ETag"] != first.headers["ETag"])
        #expect(fixture.send(.get, "/v1/articles/a-1").headers["ETag"] == articleTag, "content unchanged")
    }

    @Test func optionsListsBothMethods() throws {
        let fixture = try Fixture()
        let response = fixture.send(.options, Self.path)
        #expect(response.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
        #expect(fixture.send(.delete, Self.path).status == .methodNotAllowed)
    }
}
