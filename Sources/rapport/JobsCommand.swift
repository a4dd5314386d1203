import ArgumentParser

struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Inspect the background job queue; retry or discard dead jobs.",
        subcommands: [ListJobsCommand.self, RetryJobCommand.self, DiscardJobCommand.self])
}
