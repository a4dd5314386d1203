import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import customers, orders, reviews or sales leads from CSV, or the CDNOW transaction log.",
        subcommands: [ImportCustomersCommand.self, ImportOrdersCommand.self, ImportReviewsCommand.self, ImportLeadsCommand.self, ImportCDNOWCommand.self])
}
