import ArgumentParser

/// The `newsdesk` command: `serve` (the default) runs the server; the others inspect a corpus.
@main
struct Newsdesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdesk",
        abstract: "A news-article API server: article records, entities and full-text search over HTTP.",
        subcommands: [Serve.self, Check.self, EntitiesCommand.self, EvaluateEntitiesCommand.self],
        defaultSubcommand: Serve.self)
}
