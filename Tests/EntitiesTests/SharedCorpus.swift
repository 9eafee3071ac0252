import Foundation

/// The research data beside the repository (`../shared/corpus`), which tests read when present
/// and skip without.
enum SharedCorpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }
}

let seedPagePath = SharedCorpus.path("seed/000_39102d4de1750d59.txt")
let conllDevSetPath = SharedCorpus.path("ner/conll2003/valid.txt")
