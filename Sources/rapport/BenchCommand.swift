import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure performance on this machine.", subcommands: [CustomerBenchCommand.self, LifetimeBenchCommand.self, InsightsBenchCommand.self, RecsBenchCommand.self, IngestBenchCommand.self, InboxBenchCommand.self, PagesBenchCommand.self, EncodingBenchCommand.self, PrivacyBenchCommand.self, SegmentsBenchCommand.self, CampaignsBenchCommand.self, CampaignTextsBenchCommand.self, JourneysBenchCommand.self, LoyaltyBenchCommand.self, PipelineBenchCommand.self])
}
