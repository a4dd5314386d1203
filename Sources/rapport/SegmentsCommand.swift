import ArgumentParser

struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments", abstract: "Segments and lists: their sizes, a rebuild from scratch, a drift check.",
        subcommands: [ListSegmentsCommand.self, RebuildSegmentsCommand.self, CheckSegmentsCommand.self])
}
