import Foundation
import Testing

/// The OpenAPI document as a client gets it from the real binary: JSON, revalidated with curl.
/// (`OpenAPIContractTests` hold its content to the router; `Scripts/ci/contract.sh` to the binary.)
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ContractEndToEndTests {
    @Test func openAPIDocumentIsServedAndRevalidated() throws {
        let server = try ServerProcess()
        let headers = try curl(["-s", "-D", "-", "-o", "/dev/null", server.url("/openapi.json")]).output
        #expect(headers.hasPrefix("HTTP/1.1 200"))
        #expect(headers.lowercased().contains("content-type: application/json"))
        let etag = try #require(
            headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?.dropFirst(5)
                .trimmingCharacters(in: .whitespaces))
        let revalidated = try curl(["-s", "-i", "-H", "If-None-Match: \(etag)", server.url("/openapi.json")]).output
        #expect(revalidated.hasPrefix("HTTP/1.1 304"))

        let body = try curl(["-s", server.url("/openapi.json")]).output
        let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = document["paths"] as? [String: Any] ?? [:]
        #expect(paths["/v1/search"] != nil && paths["/openapi.json"] != nil)
        #expect(server.stop() == 0)
    }
}
