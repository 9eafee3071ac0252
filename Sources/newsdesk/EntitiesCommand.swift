import ArgumentParser
import Corpus
import Entities
import Foundation

/// `newsdesk entities FILE`: what the extractor finds in one file, read as the server reads it (a
/// scraped page loses its page chrome, a JSON or JSONL file gives each of its records); a file of
/// another kind is read whole as plain text.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "Print the entities the extractor finds in one file.")

    @Argument(help: "An article file: a scraped .txt page, .json or .jsonl (any other file is read as plain text).")
    var file: String

    func run() throws {
        let extractor = try EntityExtractor.loadDefault()
        let (articles, report) = CorpusLoader.load(paths: [file])
        for issue in report.skipped {
            FileHandle.standardError.write(Data("skipped \(issue)\n".utf8))
        }
        guard !articles.isEmpty else {
            print(try ExtractionReport.forFile(atPath: file, using: extractor).render())
            return
        }
        for (index, article) in articles.enumerated() {
            if articles.count > 1 || !article.title.isEmpty {
                print("\(index == 0 ? "" : "\n")== \(article.id): \(article.title)\n")
            }
            print(ExtractionReport(mentions: extractor.extract(title: article.title, text: article.body)).render())
        }
    }
}

/// `newsdesk eval-entities FILE`: entity-level precision, recall and F1 on a CoNLL-format file.
struct EvaluateEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-entities",
        abstract: "Score the extractor on a CoNLL-2003 format file (PER/ORG/LOC/MISC, entity level).")

    @Argument(help: "A CoNLL file: TOKEN POS CHUNK NER per line, IOB2 tags, -DOCSTART- between documents.")
    var file: String

    func run() throws {
        let extractor = try EntityExtractor.loadDefault()
        print(try CoNLLEvaluator(extractor: extractor).evaluate(fileAtPath: file).render())
    }
}
