import ArgumentParser
import RapportCore
import RapportServer

struct ListInboxesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List inboxes and the URLs their providers call.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var publicURL: PublicURLOption

    func run() async throws {
        let inboxes = try await database.withServices { services, workspaceID in try await services.inboxes.inboxes(as: .operator(workspaceID: workspaceID)) }
        print("ID\tCHANNEL\tNAME\tWEBHOOK URL")
        for inbox in inboxes {
            print("\(inbox.id)\t\(inbox.channel.rawValue)\t\(inbox.name)\t\(publicURL.base + SiteURL.inbox(inbox).path)")
        }
    }
}
