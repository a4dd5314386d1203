import ArgumentParser

struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets", abstract: "The key that seals provider tokens, shop and webhook secrets and SMTP passwords at rest.",
        subcommands: [RotateSecretsCommand.self])
}
