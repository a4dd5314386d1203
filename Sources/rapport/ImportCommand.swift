import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import customers, orders or reviews from CSV, or the CDNOW transaction log.",
        subcommands: [ImportCustomersCommand.self, ImportOrdersCommand.self, ImportReviewsCommand.self, ImportCDNOWCommand.self])
}
