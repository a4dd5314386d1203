import ArgumentParser

struct AnalyticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics", abstract: "Fit and refresh the store's insights.",
        subcommands: [LifetimeFitCommand.self, LifetimeRefreshCommand.self])
}
