import ArgumentParser

@main
struct RapportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport, the customer-engagement platform for online retailers.",
        subcommands: [
            BotCommand.self, AnalyticsCommand.self, RecsCommand.self,
            ServeCommand.self, MigrateCommand.self, KeysCommand.self, SourcesCommand.self, ImportCommand.self,
            DemoCommand.self, BenchCommand.self, WorkerCommand.self, JobsCommand.self, InboxesCommand.self, UsersCommand.self,
            SecretsCommand.self, PrivacyCommand.self, AuditCommand.self, SegmentsCommand.self, DKIMCommand.self, LoyaltyCommand.self, PipelineCommand.self,
        ])
}
