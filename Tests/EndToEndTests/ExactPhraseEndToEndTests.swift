import Foundation
import Testing

/// Quoted phrases through the real binary and curl, on the bundled sample corpus: matched as typed,
/// not stemmed, stop words included, with totals and highlights to match.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ExactPhraseEndToEndTests {
    private func search(_ server: ServerProcess, _ query: String) throws -> [String: Any] {
        let output = try curl([server.url("/v1/search?q=\(query)&facets=source&limit=100")]).output
        return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    private func marked(_ body: [String: Any]) -> Set<String> {
        var words: Set<String> = []
        for item in body["items"] as? [[String: Any]] ?? [] {
            for snippet in item["snippets"] as? [[String: Any]] ?? [] {
                let text = Array((snippet["text"] as? String ?? "").utf16)
                for range in snippet["highlights"] as? [[Int]] ?? [] {
                    words.insert(String(decoding: text[range[0]..<range[1]], as: UTF16.self).lowercased())
                }
            }
        }
        return words
    }

    @Test func quotedWordsMatchAsTypedUnquotedOnesByStem() throws {
        let server = try ServerProcess()
        let stemmed = try search(server, "voting")
        let exact = try search(server, "%22voting%22")
        #expect(stemmed["total"] as? Int == 6)
        #expect(marked(stemmed).isSuperset(of: ["vote", "votes"]))
        #expect(exact["total"] as? Int == 1)
        #expect(marked(exact) == ["voting"])
        let facet = (exact["facets"] as? [String: [[String: Any]]])?["source"] ?? []
        #expect(facet.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } <= 1)

        #expect(try search(server, "%22bank+of+estmark%22")["total"] as? Int == 3)
        #expect(try search(server, "%22bank+in+estmark%22")["total"] as? Int == 0)
        #expect(try search(server, "%22BANK+of+Estmark%22")["total"] as? Int == 3)
        #expect(try search(server, "title:%22vote%22")["total"] as? Int ?? 0 >= 1)
        #expect(try search(server, "title:%22voting%22")["total"] as? Int == 0)
    }
}
