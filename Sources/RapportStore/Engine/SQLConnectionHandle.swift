import PostgresNIO
import SQLKit
import SQLiteNIO

/// One connection lent to a session: the SQLKit view every repository uses, and the raw
/// connection of each engine where the dialect needs it (COPY on PostgreSQL, direct binds for
/// bulk inserts on SQLite).
struct SQLConnectionHandle: Sendable {
    let sql: any SQLDatabase
    let dialect: EngineDialect
    var postgres: PostgresConnection? = nil
    var sqlite: SQLiteConnection? = nil
    /// Whether the session is a write transaction (rows read to be changed are then locked).
    var inTransaction = false

    /// SQLite's connection, for a handle that is not PostgreSQL's (every handle has one of the two).
    var sqliteConnection: SQLiteConnection {
        guard let sqlite else { preconditionFailure("A connection handle without an engine connection.") }
        return sqlite
    }
}
