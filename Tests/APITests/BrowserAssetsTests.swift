import Foundation
import HTTP
import Server
import Testing

@testable import API

@Suite struct BrowserAssetsTests {
    static var bundled: BrowserAssets {
        get throws { try BrowserAssets.bundled.get() }
    }

    static let responder: any HTTPResponder = {
        var router = Router()
        BrowserAssets.addRoutes(to: &router)
        return router.build(middleware: [ConditionalGETMiddleware()]) { status, detail in
            ProblemDetails(status: status, detail: detail).response()
        }
    }()

    static func get(_ target: String, headers: [(String, String)] = []) -> HTTPResponse {
        APIFixtures.get(target, on: responder, headers: headers)
    }

    static func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    /// A scratch folder holding `files`, removed when `body` returns.
    static func withFolder<T>(_ files: [String: String], _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, content) in files {
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            } else {
                try Data(content.utf8).write(to: folder.appendingPathComponent(name))
            }
        }
        return try body(folder)
    }

    @Test func rootServesThePageWithItsPolicy() throws {
        let response = Self.get("/")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "no-cache")
        #expect(response.headers["Content-Security-Policy"]?.hasPrefix("default-src 'self'") == true)
        #expect(Self.text(response).contains("<title>Newsdesk</title>"))
        #expect(response.body == Self.get("/assets/index.html").body)
    }

    @Test func rootIgnoresTheQueryThatHoldsThePageState() {
        let plain = Self.get("/")
        let withState = Self.get("/?q=port+strike&source=Harbour+Times&page=2")
        #expect(withState.status == .ok)
        #expect(withState.body == plain.body)
    }

    @Test(arguments: [
        ("favicon.svg", "image/svg+xml"),
        ("style.css", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
    ])
    func assetsCarryTheirTypeAndValidators(_ name: String, _ type: String) throws {
        let response = Self.get("/assets/\(name)")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == type)
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Content-Security-Policy"] == nil)
        let etag = try #require(response.headers["ETag"])
        #expect(etag.wholeMatch(of: /"[0-9a-f]{16}"/) != nil)
        #expect(etag == BrowserAssets.etag(for: response.body))
    }

    @Test func aMatchingETagAnswers304WithoutTheBody() throws {
        let etag = try #require(Self.get("/assets/app.js").headers["ETag"])
        let again = Self.get("/assets/app.js", headers: [("If-None-Match", etag)])
        #expect(again.status == .notModified)
        #expect(again.body.isEmpty)
        #expect(again.headers["ETag"] == etag)
        let stale = Self.get("/assets/app.js", headers: [("If-None-Match", "\"0000000000000000\"")])
        #expect(stale.status == .ok)
    }

    @Test(arguments: ["/assets/nothing.js", "/assets/", "/assets/a/b.js"])
    func anUnknownAssetIsA404Problem(_ target: String) {
        let response = Self.get(target)
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }

    @Test func theUnknownAssetIsNamedInTheProblem() {
        let body = APIFixtures.json(Self.get("/assets/nothing.js"))
        #expect(body["detail"] as? String == "No browser asset is named \"nothing.js\".")
        #expect(body["instance"] as? String == "/assets/nothing.js")
    }

    /// Every `/assets/...` the page or a script names exists, so no reference breaks silently.
    @Test func everyReferencedAssetExists() throws {
        let assets = try Self.bundled
        var referenced: Set<String> = []
        for (name, response) in assets.responses where name.hasSuffix(".html") || name.hasSuffix(".js") {
            for match in Self.text(response).matches(of: /\/assets\/([A-Za-z0-9._-]+)/) {
                referenced.insert(String(match.output.1))
            }
            for match in Self.text(response).matches(of: /from "\.\/([A-Za-z0-9._-]+)"/) {
                referenced.insert(String(match.output.1))
            }
        }
        #expect(referenced.contains("app.js"))
        #expect(referenced.subtracting(assets.responses.keys).isEmpty)
    }

    /// The policy forbids inline script and style; markup that relies on either would break.
    @Test func thePageHasNoInlineScriptStyleOrHandlers() throws {
        let assets = try Self.bundled
        for (name, response) in assets.responses where name.hasSuffix(".html") {
            let html = Self.text(response)
            #expect(html.firstMatch(of: /<script(?![^>]*\bsrc=)[^>]*>/) == nil, "\(name) has an inline script")
            #expect(html.firstMatch(of: /\son[a-z]+\s*=/) == nil, "\(name) has an inline event handler")
            #expect(html.firstMatch(of: /\sstyle\s*=|<style/) == nil, "\(name) has inline style")
        }
    }

    @Test func theETagIs64BitFNV1a() {
        // Published FNV-1a 64 test vectors: the offset basis for no bytes, and "a".
        #expect(BrowserAssets.etag(for: []) == "\"cbf29ce484222325\"")
        #expect(BrowserAssets.etag(for: Array("a".utf8)) == "\"af63dc4c8601ec8c\"")
        #expect(BrowserAssets.etag(for: Array("ab".utf8)) != BrowserAssets.etag(for: Array("ba".utf8)))
    }

    @Test func aFolderLoadsEveryFileOnceAndSkipsHiddenOnes() throws {
        let assets = try Self.withFolder([
            "index.html": "<p>hi</p>", "site.css": "p{}", ".DS_Store": "x", "Logo.PNG": "png",
        ]) { folder in try BrowserAssets(directory: folder) }
        #expect(assets.responses.keys.sorted() == ["Logo.PNG", "index.html", "site.css"])
        #expect(assets.responses["Logo.PNG"]?.headers["Content-Type"] == "image/png")
        #expect(assets.page.body == Array("<p>hi</p>".utf8))
    }

    /// `FOLDER` in an expected error stands for the scratch folder's path.
    @Test(arguments: [
        (["index.html": "x", "notes.txt": "y"], BrowserAssets.LoadError.unknownType("notes.txt")),
        (["index.html": "x", "fonts/": ""], .subfolder("fonts")),
        (["app.js": "x"], .indexMissing("FOLDER")),
    ])
    func aBadFolderIsRefusedNamingTheFile(_ files: [String: String], _ expected: BrowserAssets.LoadError) throws {
        try Self.withFolder(files) { folder in
            let named = expected == .indexMissing("FOLDER") ? .indexMissing(folder.path) : expected
            #expect(throws: named) { try BrowserAssets(directory: folder) }
        }
    }

    @Test func aMissingFolderIsNamed() {
        let path = "/nonexistent/newsdesk-assets"
        #expect(throws: BrowserAssets.LoadError.folderMissing(path)) {
            try BrowserAssets(directory: URL(fileURLWithPath: path))
        }
    }

    @Test func lostAssetsAnswerA500ThatSaysWhyWhileOtherRoutesServe() {
        var router = Router()
        BrowserAssets.add(.failure(.folderMissing("/gone/Assets")), to: &router)
        router.get("/health") { _, _, _ in HTTPResponse(status: .ok, contentType: "application/json", body: []) }
        let responder = router.build { status, detail in ProblemDetails(status: status, detail: detail).response() }
        for target in ["/", "/assets/app.js"] {
            let response = APIFixtures.get(target, on: responder)
            #expect(response.status == .internalServerError)
            let detail = APIFixtures.json(response)["detail"] as? String
            #expect(detail?.contains("/gone/Assets") == true)
        }
        #expect(APIFixtures.get("/health", on: responder).status == .ok)
    }
}
