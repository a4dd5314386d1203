import ArgumentParser
import Foundation
import RapportCore
import RapportServer
import ServiceLifecycle

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run background jobs without HTTP (any number of workers may share one PostgreSQL database).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Jobs run at the same time (env RAPPORT_WORKERS)")
    var concurrency: Int = ProcessInfo.processInfo.environment["RAPPORT_WORKERS"].flatMap(Int.init) ?? 4

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        let logger = CommandLogging.makeLogger("rapport-worker")
        let retention = try RetentionPolicy.checked(ProcessInfo.processInfo.environment)
        let store = try await database.openMigrated(logger: logger)
        let services = AppServices(store: store, defaultRegion: try database.region())
        let group = ServiceGroup(
            services: RapportApplication.backgroundServices(services: services, workers: concurrency, logger: logger, retention: retention),
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        logger.info("worker running \(concurrency) job slots on \(store.engineName)")
        do {
            try await group.run()
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}
