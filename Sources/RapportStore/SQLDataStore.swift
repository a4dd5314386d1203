import Logging
import SQLKit
import RapportCore

/// Rapport's storage on SQLite or PostgreSQL, chosen by the database URL.
public final class SQLDataStore: DataStore {
    private let engine: any SQLEngine
    /// Seals the secrets kept in the database (`SecretBox`).
    let secrets: SecretBox

    public var engineName: String { engine.dialect.kind.rawValue }

    /// Two on PostgreSQL: while one transaction waits for the server, the other's rows are
    /// prepared (measured on two cores with `rapport bench loyalty`; more did not help there).
    public var parallelWriters: Int { engine.dialect.kind == .postgresql ? 2 : 1 }

    /// Signs customers' links under the installation's secret key.
    public var linkSigner: any LinkSigner { HMACLinkSigner(box: secrets) }


    private init(engine: any SQLEngine, secrets: SecretBox) {
        self.engine = engine
        self.secrets = secrets
    }

    /// Opens the database (creating an SQLite file if needed) without migrating it. `secrets`:
    /// the key secrets are sealed with; by default the installation's (`SecretKeyFile`).
    public static func open(_ url: DatabaseURL, logger: Logger, secrets: SecretBox? = nil) async throws -> SQLDataStore {
        let secrets = try secrets ?? SecretKeyFile.box(for: url)
        switch url {
        case .sqlite(let path):
            return SQLDataStore(engine: try await SQLiteEngine.open(path: path, logger: logger), secrets: secrets)
        case .postgres(let host, let port, let user, let password, let database, let schema):
            let engine = await PostgresEngine.start(
                host: host, port: port, user: user, password: password, database: database, schema: schema,
                logger: logger)
            let store = SQLDataStore(engine: engine, secrets: secrets)
            do {
                // Fail at start, with the server's own words, rather than on the first request.
                _ = try await engine.withReadConnection { handle in try await handle.sql.raw("SELECT 1").run() }
            } catch {
                await engine.shutdown()
                throw error
            }
            return store
        }
    }

    /// Applies pending migrations; returns the versions applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await Migrator(engine: engine).migrate()
    }

    public func schemaVersion() async throws -> Int {
        try await Migrator(engine: engine).currentVersion()
    }

    /// The newest migration this build knows.
    public static var latestSchemaVersion: Int { Migrator.latestVersion }

    public func read<T: Sendable>(_ body: @Sendable (any StoreSession) async throws -> T) async throws -> T {
        try await engine.withReadConnection { handle in try await body(SQLStoreSession(handle: handle, secrets: secrets)) }
    }

    /// A lost race (a unique-index violation, a deadlock) surfaces as Core's `StoreConflict`, so
    /// services can run the transaction again instead of failing the request.
    public func write<T: Sendable>(_ body: @Sendable (any StoreSession) async throws -> T) async throws -> T {
        do {
            return try await engine.withTransaction { handle in try await body(SQLStoreSession(handle: handle, secrets: secrets)) }
        } catch let error where engine.dialect.isLostRace(error) {
            throw StoreConflict()
        }
    }

    public func shutdown() async {
        await engine.shutdown()
    }
}

extension SQLDataStore {
    /// Whether processes sharing this database can signal each other (PostgreSQL's LISTEN/NOTIFY).
    public var supportsNotifications: Bool { engine is PostgresEngine }

    /// Sends `payload` to every process listening on `channel`; nothing on SQLite.
    public func notify(channel: String, payload: String) async throws {
        try await (engine as? PostgresEngine)?.notify(channel: channel, payload: payload)
    }

    /// Calls `onPayload` for each notification on `channel` until the task is cancelled;
    /// returns at once on SQLite, where one process owns the database.
    public func listen(
        channel: String, whenListening: @Sendable () async -> Void = {}, _ onPayload: @escaping @Sendable (String) async -> Void
    ) async throws {
        try await (engine as? PostgresEngine)?.listen(channel: channel, whenListening: whenListening, onPayload)
    }

    /// Refreshes planner statistics after a bulk load (an import); outside a transaction, since
    /// PostgreSQL's VACUUM cannot run inside one.
    public func refreshStatistics() async throws {
        try await engine.withReadConnection { handle in
            for statement in handle.dialect.afterBulkLoad {
                try await handle.sql.raw(SQLQueryString(statement)).run()
            }
        }
    }

    /// Writes every page a bulk load left changed in memory out to disk (PostgreSQL's
    /// `CHECKPOINT`; SQLite's WAL folded into the file), so that a benchmark times what follows
    /// a load without the load's own deferred writes.
    public func settleWrites() async throws {
        try await engine.withReadConnection { handle in
            try await handle.sql.raw(SQLQueryString(handle.dialect.settleWrites)).run()
        }
    }

    /// The integer columns of a query's rows, in order (NULL as nil): tests that recompute
    /// figures with plain SQL. Columns are read by name, so each needs its own.
    public func integers(_ statement: String) async throws -> [[Int64?]] {
        try await engine.withReadConnection { handle in
            try await handle.sql.raw(SQLQueryString(statement)).all().map { row in
                try row.allColumns.map { try row.decode(column: $0, as: Int64?.self) }
            }
        }
    }

    /// The text columns of a query's rows, in order (NULL as nil): tests that look at what is
    /// stored as it is stored (sealed secrets, say).
    public func texts(_ statement: String) async throws -> [[String?]] {
        try await engine.withReadConnection { handle in
            try await handle.sql.raw(SQLQueryString(statement)).all().map { row in
                try row.allColumns.map { try row.decode(column: $0, as: String?.self) }
            }
        }
    }

    /// Runs one statement outside any repository: administration (schemas) and tests only.
    public func execute(_ statement: String) async throws {
        try await engine.withTransaction { handle in try await handle.sql.raw(SQLQueryString(statement)).run() }
    }
}
