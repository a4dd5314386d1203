/// A pool of connections to one database, SQLite or PostgreSQL.
protocol SQLEngine: Sendable {
    var dialect: EngineDialect { get }
    func withReadConnection<T: Sendable>(_ body: @Sendable (SQLConnectionHandle) async throws -> T) async throws -> T
    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    func withTransaction<T: Sendable>(_ body: @Sendable (SQLConnectionHandle) async throws -> T) async throws -> T
    func shutdown() async
}
