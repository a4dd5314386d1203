import ArgumentParser

struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "The sales pipelines' kept stage totals.", subcommands: [PipelineRebuildCommand.self])
}
