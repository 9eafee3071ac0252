import ArgumentParser
import Corpus
import Foundation

/// `newsdesk check PATH`: loads a corpus as `serve` would and prints the load report. It reads no
/// configuration file or environment: entity extraction follows its own flag alone.
/// Exits 1 when any file or record was skipped, so it can guard a data pipeline.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a corpus and print its load report without serving it.")

    @Argument(help: "Corpus folders or files to load.")
    var paths: [String]

    @Flag(inversion: .prefixedNo, help: "Extract entities as serve does; --no-entities checks faster.")
    var entities = true

    func run() throws {
        let snapshot = Snapshot.load(paths: paths, extractEntities: entities)
        print(snapshot.report)
        if !snapshot.report.skipped.isEmpty { throw ExitCode(1) }
    }
}
