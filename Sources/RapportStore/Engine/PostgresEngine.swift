import Logging
import PostgresKit
import PostgresNIO

/// PostgreSQL through PostgresNIO's `PostgresClient`, the maintained connection pool.
final class PostgresEngine: SQLEngine {
    let dialect = EngineDialect(kind: .postgresql)
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    /// Creates the client and starts its pool; the short pause lets `run()` begin before the
    /// first lease, which PostgresNIO otherwise reports with a warning.
    static func start(
        host: String, port: Int, user: String, password: String?, database: String, schema: String?,
        maximumConnections: Int = 20, logger: Logger
    ) async -> PostgresEngine {
        let engine = PostgresEngine(
            host: host, port: port, user: user, password: password, database: database, schema: schema,
            maximumConnections: maximumConnections, logger: logger)
        try? await Task.sleep(for: .milliseconds(5))
        return engine
    }

    private init(
        host: String, port: Int, user: String, password: String?, database: String, schema: String?,
        maximumConnections: Int, logger: Logger
    ) {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: .disable)
        configuration.options.maximumConnections = maximumConnections
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.runner = Task { await client.run() }
    }

    func withReadConnection<T: Sendable>(_ body: @Sendable (SQLConnectionHandle) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(SQLConnectionHandle(sql: connection.sql(queryLogLevel: nil), dialect: dialect, postgres: connection))
        }
    }

    func withTransaction<T: Sendable>(_ body: @Sendable (SQLConnectionHandle) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(SQLConnectionHandle(
                    sql: connection.sql(queryLogLevel: nil), dialect: dialect, postgres: connection, inTransaction: true))
            }
        } catch let error as PostgresTransactionError {
            // Callers act on their own errors (validation, conflicts), not on the wrapper.
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }

    /// `NOTIFY channel, payload` (at most 8,000 bytes, PostgreSQL's limit).
    func notify(channel: String, payload: String) async throws {
        try await client.withConnection { connection in
            _ = try await connection.query("SELECT pg_notify(\(channel), \(payload))", logger: logger)
        }
    }

    /// Holds one connection listening on `channel` and hands each payload over, until cancelled.
    /// Runs `whenListening` once PostgreSQL has acknowledged the LISTEN, then hands over every
    /// notification until the connection ends.
    func listen(
        channel: String, whenListening: @Sendable () async -> Void, _ onPayload: @escaping @Sendable (String) async -> Void
    ) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                await whenListening()
                for try await notification in notifications { await onPayload(notification.payload) }
            }
        }
    }

    func shutdown() async {
        runner.cancel()
        _ = await runner.value
    }
}
