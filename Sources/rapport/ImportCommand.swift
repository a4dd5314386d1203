import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import customers or orders from CSV, or the CDNOW transaction log.",
        subcommands: [ImportCustomersCommand.self, ImportOrdersCommand.self, ImportCDNOWCommand.self])
}
