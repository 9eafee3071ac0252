import ArgumentParser
import Entities

/// `newsdesk entities FILE`: what the extractor finds in one text file.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "Print the entities the extractor finds in one text file.")

    @Argument(help: "A plain-text file (an article).")
    var file: String

    func run() throws {
        let extractor = try EntityExtractor.loadDefault()
        print(try ExtractionReport.forFile(atPath: file, using: extractor).render())
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
