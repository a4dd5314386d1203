import ArgumentParser

struct BotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bot", abstract: "The support bot's intent classifier.", subcommands: [BotEvalCommand.self])
}
