import Testing

@testable import Corpus

@Suite struct ArticleIDTests {
    @Test(arguments: ["abc", "A-1_b.c~d", "2026-03-04", String(repeating: "x", count: 128)])
    func urlSafeIdsAreValid(id: String) {
        #expect(ArticleID.isValid(id))
        #expect(ArticleID.sanitized(id) == id)
    }

    @Test(arguments: [
        ("a b/c", "a-b-c"),
        ("  padded  ", "padded"),
        ("café au lait", "caf-au-lait"),
        ("id?x=1&y=2", "id-x-1-y-2"),
        ("%%%ok", "ok"),
    ])
    func otherCharactersAreRewritten(raw: String, clean: String) {
        #expect(!ArticleID.isValid(raw))
        #expect(ArticleID.sanitized(raw) == clean)
    }

    @Test(arguments: ["", ".", "..", "///", "é"])
    func idsWithNothingUsableLeftAreRefused(raw: String) {
        #expect(ArticleID.sanitized(raw) == nil)
    }

    @Test func overlongIdsAreCut() {
        #expect(ArticleID.sanitized(String(repeating: "ab ", count: 100))?.count == ArticleID.maximumLength)
    }

    @Test func derivedIdsAreStableAndFollowContent() {
        let id = ArticleID.derived(title: "Title", body: "Body")
        #expect(id == ArticleID.derived(title: "Title", body: "Body"))
        #expect(id.hasPrefix("a-") && id.count == 18 && ArticleID.isValid(id))
        #expect(id != ArticleID.derived(title: "Title", body: "Body."))
        #expect(ArticleID.derived(title: "ab", body: "c") != ArticleID.derived(title: "a", body: "bc"))
        // FNV-1a 64 of "Title\u{FF}Body\u{FF}" bytes, worked out independently.
        #expect(id == "a-" + Self.fnv1a(Array("Title".utf8) + [0xFF] + Array("Body".utf8) + [0xFF]))
    }

    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test(arguments: [
        ("000_39102d4de1750d59.txt", "39102d4de1750d59"),
        ("12_port-strike.txt", "port-strike"),
        ("port-strike.txt", "port-strike"),
        ("2026_report.v2.txt", "report.v2"),
        ("_leading.txt", "_leading"),
        ("007_.txt", "007_"),
        ("noextension", "noextension"),
    ])
    func pageIdsComeFromFileNames(name: String, id: String) {
        #expect(ArticleID.fromFileName(name) == id)
    }
}
