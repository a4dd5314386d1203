import ArgumentParser
import RapportStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await database.openMigrated(logger: CommandLogging.makeLogger("rapport"))
        print("Schema version \(try await store.schemaVersion()) on \(store.engineName).")
        await store.shutdown()
    }
}
