import ArgumentParser
import RapportCore
import RapportServer

struct ListSourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List connected shops and their webhook URLs.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var publicURL: PublicURLOption

    func run() async throws {
        let (services, workspaceID) = try await database.openServices()
        print("ID\tKIND\tNAME\tWEBHOOK URL")
        for source in try await services.sources.sources(as: .operator(workspaceID: workspaceID)) {
            print("\(source.id)\t\(source.kind.rawValue)\t\(source.name)\t\(publicURL.base + SiteURL.source(source).path)")
        }
        await services.store.shutdown()
    }
}
