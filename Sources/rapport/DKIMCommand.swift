import ArgumentParser

struct DKIMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dkim", abstract: "DKIM keys that sign an e-mail inbox's campaign messages (RFC 6376).",
        subcommands: [GenerateDKIMKeyCommand.self])
}
