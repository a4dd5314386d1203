import ArgumentParser

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "Connect shops (Shopify, WooCommerce) whose webhooks Rapport receives.",
        subcommands: [AddSourceCommand.self, ListSourcesCommand.self])
}
