import Foundation
import Logging
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("an empty database migrates to the latest version, and again is a no-op", arguments: TestDatabase.available)
    func fromEmpty(database: TestDatabase) async throws {
        let url = try DatabaseURL(parsing: try await database.freshURL())
        let store = try await SQLDataStore.open(url, logger: Logger(label: "test"))
        let applied = try await store.migrate()
        #expect(applied == Array(1...SQLDataStore.latestSchemaVersion))
        #expect(try await store.schemaVersion() == SQLDataStore.latestSchemaVersion)
        #expect(try await store.migrate().isEmpty)
        await store.shutdown()
    }

    @Test("a failed transaction leaves nothing behind", arguments: TestDatabase.available)
    func rollback(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await store.write { session in
                    try await session.workspaces.insert(Workspace(id: "wsp_rollback", name: "x", createdAt: Date()))
                    throw Boom()
                }
            }
            let all = try await store.read { try await $0.workspaces.all() }
            #expect(all.map(\.id) == [services.workspaceID])
        }
    }
}
