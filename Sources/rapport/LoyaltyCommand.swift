import ArgumentParser

struct LoyaltyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loyalty", abstract: "The loyalty programme's points ledger.", subcommands: [LoyaltyReplayCommand.self, LoyaltyRebuildCommand.self])
}
