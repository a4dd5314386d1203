import Foundation
import Logging
import RapportCore
import RapportStore
import Testing

/// The engines a storage test runs on: SQLite always, PostgreSQL when
/// `RAPPORT_TEST_POSTGRES_URL` is set. Every test gets its own empty database (a new SQLite
/// file, or a new schema on PostgreSQL), so parameterised cases can run concurrently.
public enum TestDatabase: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql]
    }

    public var testDescription: String { rawValue }

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static let logger = Logger(label: "rapport.tests")

    /// A migrated store on a fresh database, shut down and removed after `body`.
    public func withStore<T>(_ body: (SQLDataStore) async throws -> T) async throws -> T {
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let url: DatabaseURL
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tests")
            // On a fresh machine the first test makes it (the store writes its key file beside the database).
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            url = .sqlite(path: directory.appendingPathComponent("\(name).sqlite").path)
        case .postgresql:
            guard let text = Self.postgresURL else { throw TestDatabaseError.postgresNotConfigured }
            let base = try DatabaseURL(parsing: text)
            let admin = try await SQLDataStore.open(base, logger: Self.logger)
            try await admin.execute("CREATE SCHEMA \(name)")
            await admin.shutdown()
            url = try DatabaseURL(parsing: text + (text.contains("?") ? "&" : "?") + "schema=\(name)")
        }
        let store = try await SQLDataStore.open(url, logger: Self.logger)
        do {
            try await store.migrate()
            let result = try await body(store)
            await cleanUp(store, url: url, name: name)
            return result
        } catch {
            await cleanUp(store, url: url, name: name)
            throw error
        }
    }

    /// A database URL for a fresh, empty database that the caller opens and migrates itself.
    public func freshURL() async throws -> String {
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tests")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return "sqlite://" + directory.appendingPathComponent("\(name).sqlite").path
        case .postgresql:
            guard let text = Self.postgresURL else { throw TestDatabaseError.postgresNotConfigured }
            let admin = try await SQLDataStore.open(try DatabaseURL(parsing: text), logger: Self.logger)
            try await admin.execute("CREATE SCHEMA \(name)")
            await admin.shutdown()
            return text + (text.contains("?") ? "&" : "?") + "schema=\(name)"
        }
    }

    private func cleanUp(_ store: SQLDataStore, url: DatabaseURL, name: String) async {
        await store.shutdown()
        switch url {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres:
            guard let text = Self.postgresURL, let base = try? DatabaseURL(parsing: text),
                let admin = try? await SQLDataStore.open(base, logger: Self.logger)
            else { return }
            try? await admin.execute("DROP SCHEMA \(name) CASCADE")
            await admin.shutdown()
        }
    }
}
