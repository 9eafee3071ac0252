import Foundation
import HTTP
import Server

/// The browser page: `index.html` at `GET /` and every file of the bundled `Assets` folder at
/// `GET /assets/{name}`, read once at start-up so serving one is a dictionary lookup and a
/// reference-counted copy of bytes already in memory.
///
/// Responses carry a strong `ETag` from a hash of the content and `Cache-Control: no-cache`: the
/// file names carry no fingerprint, so a browser must revalidate (a cheap 304 through
/// `ConditionalGETMiddleware`) rather than pair a fresh page with a stale script after an upgrade.
public struct BrowserAssets: Sendable {

    /// Why the assets folder could not be served; each case names the file at fault.
    public enum LoadError: Error, Sendable, Hashable, CustomStringConvertible {
        case folderMissing(String)
        case unreadable(String, reason: String)
        case unknownType(String)
        case subfolder(String)
        case indexMissing(String)

        public var description: String {
            switch self {
            case .folderMissing(let path): "the browser assets folder is missing from the build: \(path)"
            case .unreadable(let path, let reason): "the browser asset \(path) cannot be read: \(reason)"
            case .unknownType(let name):
                "the browser asset \(name) has an extension with no known content type; add it to BrowserAssets"
            case .subfolder(let name):
                "the browser assets folder holds a subfolder (\(name)); /assets/ serves files only"
            case .indexMissing(let path): "the browser assets folder \(path) has no index.html"
            }
        }
    }

    /// Content types by file extension. A file of any other kind is refused at load, so nothing is
    /// served as a type the browser would have to guess.
    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
    ]

    /// The page's policy: everything from this origin, no inline script or style, no framing, so a
    /// snippet's markup can never run code even if the server's escaping failed.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'none'"

    /// Each file's complete response by file name, headers included, rendered at load.
    let responses: [String: HTTPResponse]
    let page: HTTPResponse

    /// Reads every file of `directory`; hidden files (`.DS_Store`) are skipped.
    init(directory: URL) throws(LoadError) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .folderMissing(directory.path)
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(directory.path, reason: error.localizedDescription)
        }
        var responses: [String: HTTPResponse] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            if manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                throw .subfolder(name)
            }
            guard let type = Self.contentTypes[url.pathExtension.lowercased()] else { throw .unknownType(name) }
            let body: [UInt8]
            do {
                body = Array(try Data(contentsOf: url))
            } catch {
                throw .unreadable(url.path, reason: error.localizedDescription)
            }
            responses[name] = Self.response(name: name, contentType: type, body: body)
        }
        guard let page = responses["index.html"] else { throw .indexMissing(directory.path) }
        self.responses = responses
        self.page = page
    }

    /// The assets bundled with the API module, loaded on first use and kept for the process.
    static let bundled: Result<BrowserAssets, LoadError> = {
        guard let folder = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            return .failure(.folderMissing(Bundle.module.bundlePath + "/Assets"))
        }
        return Result { () throws(LoadError) in try BrowserAssets(directory: folder) }
    }()

    /// Routes `GET /` and `GET /assets/{name}` to the bundled page. Should the build have lost the
    /// assets, both answer a 500 problem that says so, and the JSON API goes on serving.
    public static func addRoutes(to router: inout Router) {
        add(bundled, to: &router)
    }

    static func add(_ loaded: Result<BrowserAssets, LoadError>, to router: inout Router) {
        switch loaded {
        case .success(let assets):
            assets.addRoutes(to: &router)
        case .failure(let error):
            let problem = ProblemDetails(
                status: .internalServerError, detail: "The browser page is unavailable: \(error).")
            router.get("/") { request, _, _ in problem.response(instance: request.path) }
            router.get("/assets/{name}") { request, _, _ in problem.response(instance: request.path) }
        }
    }

    func addRoutes(to router: inout Router) {
        router.get("/") { [page] _, _, _ in page }
        router.get("/assets/{name}") { [responses] request, _, parameters in
            let name = parameters["name"] ?? ""
            guard let response = responses[name] else {
                return ProblemDetails(status: .notFound, detail: "No browser asset is named \"\(name)\".")
                    .response(instance: request.path)
            }
            return response
        }
    }

    static func response(name: String, contentType: String, body: [UInt8]) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, contentType: contentType, body: body)
        response.headers["ETag"] = etag(for: body)
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.compressedCopy = LazyGzip()
        if name.hasSuffix(".html") {
            response.headers["Content-Security-Policy"] = contentSecurityPolicy
            response.headers["Referrer-Policy"] = "same-origin"
        }
        return response
    }

    /// A strong validator from the bytes: 64-bit FNV-1a, which is stable across runs (unlike
    /// `Hasher`) so a browser's cached copy still validates after a restart.
    static func etag(for body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }
}
