import PostgresNIO
import SQLKit

/// One connection lent to a session: the SQLKit view every repository uses, and the raw
/// PostgreSQL connection where the dialect needs it (COPY).
struct SQLConnectionHandle: Sendable {
    let sql: any SQLDatabase
    let dialect: EngineDialect
    let postgres: PostgresConnection?
}
