import ArgumentParser
import RapportCore
import RapportServer

struct ListKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List API keys (never their secrets).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await database.openMigrated(logger: CommandLogging.makeLogger("rapport"))
        let services = AppServices(store: store, defaultRegion: try database.region())
        let keys = try await services.keys.list()
        print("ID\tNAME\tKIND\tPREFIX\tWORKSPACE\tCREATED\tSTATUS")
        for key in keys {
            let status = key.revokedAt.map { "revoked \(Timestamp.iso8601($0))" } ?? "active"
            print("\(key.id)\t\(key.name)\t\(key.kind.name)\t\(key.displayPrefix)…\t\(key.workspaceID)\t\(Timestamp.iso8601(key.createdAt))\t\(status)")
        }
        await store.shutdown()
    }
}
