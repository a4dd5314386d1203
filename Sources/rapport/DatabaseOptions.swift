import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportServer
import RapportStore

/// Where the data is, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: "sqlite:///abs/path.sqlite, sqlite://relative.sqlite or postgres://user:pass@host:5432/db (env RAPPORT_DATABASE_URL)")
    var databaseURL: String = ProcessInfo.processInfo.environment["RAPPORT_DATABASE_URL"] ?? DatabaseURL.defaultValue

    @Option(help: "ISO country code used to read national phone numbers (env RAPPORT_DEFAULT_REGION)")
    var defaultRegion: String = ProcessInfo.processInfo.environment["RAPPORT_DEFAULT_REGION"] ?? "US"

    func region() throws -> PhoneRegion {
        guard let region = PhoneRegion.known[defaultRegion.uppercased()] else {
            throw ValidationError(
                "Unknown default region \(defaultRegion); use one of \(PhoneRegion.known.keys.sorted().joined(separator: ", ")).")
        }
        return region
    }

    /// The database URL, read.
    func url() throws -> DatabaseURL {
        switch Result(catching: { () throws(RapportError) in try DatabaseURL(parsing: databaseURL) }) {
        case .success(let parsed):
            return parsed
        case .failure(let error):
            let messages = if case .invalid(let errors) = error { errors.map(\.message) } else { ["\(error)"] }
            throw ValidationError("--database: " + messages.joined(separator: "; "))
        }
    }

    /// Opens the store and applies pending migrations.
    func openMigrated(logger: Logger) async throws -> SQLDataStore {
        let url = try url()
        let store = try await SQLDataStore.open(url, logger: logger)
        let applied = try await store.migrate()
        if !applied.isEmpty {
            logger.info("applied migrations", metadata: ["versions": .string(applied.map(String.init).joined(separator: ","))])
        }
        return store
    }

    /// The services over the migrated store and the workspace to act in: `workspace`, or the
    /// default one (created on an empty database). The caller shuts the store down.
    func openServices(workspace: String? = nil) async throws -> (AppServices, String) {
        let store = try await openMigrated(logger: CommandLogging.makeLogger("rapport"))
        let services = AppServices(store: store, defaultRegion: try region())
        _ = try await services.workspaces.bootstrapIfEmpty()
        let defaultWorkspaceID = try await services.workspaces.defaultWorkspace()?.id
        guard let workspaceID = workspace ?? defaultWorkspaceID else {
            await store.shutdown()
            throw ValidationError("No workspace exists.")
        }
        return (services, workspaceID)
    }

    /// Runs `body` with the services and the workspace, then shuts the store down; Core's
    /// refusals become usage errors with their own words.
    func withServices<T>(workspace: String? = nil, _ body: (AppServices, String) async throws -> T) async throws -> T {
        let (services, workspaceID) = try await openServices(workspace: workspace)
        do {
            let result = try await body(services, workspaceID)
            await services.store.shutdown()
            return result
        } catch let error as RapportError {
            await services.store.shutdown()
            switch error {
            case .conflict(let message), .notFound(let message), .unauthorized(let message), .forbidden(let message), .mergedInto(let message),
                .gone(let message):
                throw ValidationError(message)
            case .tooManyAttempts(let message, _), .overloaded(let message, _):
                throw ValidationError(message)
            case .invalid(let problems):
                throw ValidationError(problems.map { "\($0.field) \($0.message)" }.joined(separator: "; "))
            }
        } catch {
            await services.store.shutdown()
            throw error
        }
    }
}
