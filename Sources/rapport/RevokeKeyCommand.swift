import ArgumentParser
import RapportCore
import RapportServer

struct RevokeKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API key by its id.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The key's id (key_…), as `rapport keys list` shows it")
    var id: String

    func run() async throws {
        let store = try await database.openMigrated(logger: CommandLogging.makeLogger("rapport"))
        let services = AppServices(store: store, defaultRegion: try database.region())
        do {
            try await services.keys.revoke(id: id)
        } catch RapportError.notFound(let message) {
            await store.shutdown()
            throw ValidationError(message)
        }
        print("Revoked \(id). Servers stop accepting it within 5 seconds.")
        await store.shutdown()
    }
}
