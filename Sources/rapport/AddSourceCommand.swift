import ArgumentParser
import RapportCore
import RapportServer

struct AddSourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Connect a shop; its webhook URL is printed alone on the last line.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var publicURL: PublicURLOption

    @Argument(help: "shopify or woocommerce")
    var kind: SourceKind

    @Option(help: "The shop's webhook signing secret (Shopify: the app's client secret; WooCommerce: the webhook's secret)")
    var secret: String

    @Option(help: "A name for the shop")
    var name: String?

    @Option(help: "Workspace id (default: the default workspace)")
    var workspace: String?

    func run() async throws {
        let (services, workspaceID) = try await database.openServices(workspace: workspace)
        let source = try await services.sources.create(kind: kind, name: name, secret: secret, as: .operator(workspaceID: workspaceID))
        print("Connected \(kind.rawValue) source \(source.id) (\(source.name)). Point the shop's webhooks (JSON) at:")
        print(publicURL.base + SiteURL.source(source).path)
        await services.store.shutdown()
    }
}

extension SourceKind: ExpressibleByArgument {}
