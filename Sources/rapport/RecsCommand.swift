import ArgumentParser

struct RecsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recs", abstract: "Product recommendations.", subcommands: [RecsEvalCommand.self])
}
