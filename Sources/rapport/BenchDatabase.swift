import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportServer
import RapportStore

/// The empty database a benchmark loads: the given URL, or a new SQLite file under
/// /tmp/rapport-bench; migrated, with a workspace and its admin key.
struct BenchDatabase {
    let url: String
    let services: AppServices
    let admin: IssuedAPIKey

    static func open(
        _ given: String?, file: String, logger: Logger, clock: any WallClock = SystemWallClock(), publicURL: String? = nil
    ) async throws -> BenchDatabase {
        let url = try given ?? freshSQLite(file)
        let store = try await SQLDataStore.open(try DatabaseURL(parsing: url), logger: logger)
        try await store.migrate()
        guard let region = PhoneRegion.known["US"] else { throw ValidationError("The US numbering plan is missing.") }
        // Benchmarks run everything on this machine, the demo mailbox's SMTP server too, and
        // measure throughput: no per-client limits.
        let services = AppServices(
            store: store, defaultRegion: region, clock: clock, publicURL: publicURL, outbound: OutboundTargets(allowsPrivate: true),
            limits: RateLimits(tracking: nil, chat: nil, webhooks: nil))
        guard let admin = try await services.workspaces.bootstrapIfEmpty() else {
            await store.shutdown()
            throw ValidationError("The database already has a workspace; the benchmark needs an empty database.")
        }
        return BenchDatabase(url: url, services: services, admin: admin)
    }

    /// Runs a benchmark's measurements, names the database after them (unless the benchmark
    /// names it itself: one whose last line must be its JSON), and closes the store whether
    /// they finished or threw.
    func measure(namingDatabase: Bool = true, _ body: () async throws -> Void) async throws {
        do {
            try await body()
            if namingDatabase { print("database: \(url)") }
        } catch {
            await services.store.shutdown()
            throw error
        }
        await services.store.shutdown()
    }

    private static func freshSQLite(_ file: String) throws -> String {
        let directory = "/tmp/rapport-bench"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: "\(directory)/\(file)\(suffix)") }
        return "sqlite://\(directory)/\(file)"
    }
}
