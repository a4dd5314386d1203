import RapportStore

/// Looks for values in every column of every table, read from the database's own schema
/// (SQLite's `sqlite_master` and `pragma_table_info`, PostgreSQL's `information_schema`), so
/// a table added later is scanned without anyone listing it. Text is matched ignoring case;
/// SQLite blobs (its search index's storage) are matched byte for byte.
public struct PersonalDataScan: Sendable {
    public struct Finding: Sendable, CustomStringConvertible {
        public var table: String
        public var column: String
        public var token: String
        /// Whether the rows found are all the `customer.erased` event, the one place an erased
        /// id is kept (so subscribers can erase it too).
        public var isErasureEvent: Bool

        public var description: String { "\(token) in \(table).\(column)" }
    }

    let store: SQLDataStore

    public init(store: SQLDataStore) {
        self.store = store
    }

    private var isSQLite: Bool { store.engineName == "sqlite" }

    public func tables() async throws -> [String] {
        let statement = isSQLite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        return try await store.texts(statement).compactMap { $0.first ?? nil }
    }

    func columns(of table: String) async throws -> [String] {
        let statement = isSQLite
            ? "SELECT name FROM pragma_table_info('\(table)')"
            : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '\(table)'"
        return try await store.texts(statement).compactMap { $0.first ?? nil }
    }

    /// Every column holding any of the tokens.
    public func findings(of tokens: [String]) async throws -> [Finding] {
        var found: [Finding] = []
        for table in try await tables() {
            for column in try await columns(of: table) {
                for token in tokens {
                    let literal = token.replacingOccurrences(of: "'", with: "''")
                    let condition = isSQLite
                        ? "(CAST(\"\(column)\" AS TEXT) LIKE '%\(literal)%' OR instr(CAST(\"\(column)\" AS BLOB), CAST(lower('\(literal)') AS BLOB)) > 0)"
                        : "CAST(\"\(column)\" AS TEXT) ILIKE '%\(literal)%'"
                    let rows = try await store.texts("SELECT CAST(COUNT(*) AS TEXT) FROM \"\(table)\" WHERE \(condition)")
                    guard let count = rows.first?.first ?? nil, count != "0" else { continue }
                    var erasureEvent = false
                    if table == "domain_events" {
                        let others = try await store.texts(
                            "SELECT CAST(COUNT(*) AS TEXT) FROM domain_events WHERE \(condition) AND type <> 'customer.erased'")
                        erasureEvent = (others.first?.first ?? nil) == "0"
                    }
                    found.append(Finding(table: table, column: column, token: token, isErasureEvent: erasureEvent))
                }
            }
        }
        return found
    }
}
