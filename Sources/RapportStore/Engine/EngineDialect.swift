import NIOCore
import PostgresNIO
import RapportCore
import SQLKit
import SQLiteNIO

/// Every place where SQLite and PostgreSQL need different SQL. Everything else in the store is
/// one code path through SQLKit.
struct EngineDialect: Sendable {
    let kind: EngineKind

    /// Whether `error` means the transaction lost a race and may simply run again: a duplicate
    /// refused by a unique index, or on PostgreSQL a deadlock or serialization failure.
    func isLostRace(_ error: any Error) -> Bool {
        switch kind {
        case .sqlite:
            guard let error = error as? SQLiteError else { return false }
            return [.constraintUniqueFailed, .constraintPrimaryKeyFailed].contains(error.reason)
        case .postgresql:
            guard let state = (error as? PSQLError)?.serverInfo?[.sqlState] else { return false }
            return ["23505", "40P01", "40001"].contains(state)
        }
    }

    /// Appended to a SELECT of customers that a transaction is about to change, so concurrent
    /// transactions change a customer one after the other instead of overwriting each other.
    /// SQLite needs none: it runs one write transaction at a time.
    func lockForUpdate(of table: String, in handle: SQLConnectionHandle) -> String {
        kind == .postgresql && handle.inTransaction ? " FOR UPDATE OF \(table)" : ""
    }

    /// Waits for, then holds until the transaction ends, a lock named by `key`, so concurrent
    /// transactions about the same thing (an address being signed up) run one after the other.
    /// SQLite runs one write transaction at a time and needs none.
    func lock(_ key: String, on handle: SQLConnectionHandle) async throws {
        guard kind == .postgresql, handle.inTransaction else { return }
        try await handle.sql.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))").run()
    }

    /// Appended to the SELECT that picks jobs to claim: on PostgreSQL, rows another process is
    /// claiming at this moment are skipped rather than waited for, so any number of workers
    /// share the queue. SQLite runs one write transaction at a time and needs nothing.
    var skipLockedRows: String {
        kind == .postgresql ? " FOR UPDATE SKIP LOCKED" : ""
    }

    /// Before statements that look up many rows by index in a transaction, on PostgreSQL: no
    /// JIT (it compiled each statement of a 20,000-member stretch of an audience for 0.35 s,
    /// longer than running it), and index lookups priced as the cached pages they are (at the
    /// default price the planner read all of `customers` to join 20,000 of them: 0.46 s
    /// against 0.24 s). SQLite has neither knob.
    func prepareForIndexedBulk(on handle: SQLConnectionHandle) async throws {
        guard kind == .postgresql, handle.inTransaction else { return }
        try await handle.sql.raw("SET LOCAL jit = off").run()
        try await handle.sql.raw("SET LOCAL random_page_cost = 1.1").run()
    }

    /// `CampaignRecipientRule.draw` in SQL: a number in [0, 1) from the MD5 of `salt`, a space
    /// and the text of `column`. SQLite calls Core's own function (`rapport_draw`, installed on
    /// every connection); PostgreSQL reads the same 52 bits from its built-in `md5()`.
    func draw(salt: String, column: String) -> SQLQueryString {
        switch kind {
        case .sqlite:
            return "rapport_draw(\(bind: salt), \(unsafeRaw: column))"
        case .postgresql:
            return """
                (CAST(CAST(CAST('x' || substr(md5(CAST(\(bind: salt) AS TEXT) || ' ' || \(unsafeRaw: column)), 1, 13) AS bit(52)) AS BIGINT) AS DOUBLE PRECISION) / CAST(4503599627370496 AS DOUBLE PRECISION))
                """
        }
    }

    /// The integer `expression` as text of `width` digits, zeros in front.
    func zeroPadded(_ expression: String, width: Int) -> String {
        switch kind {
        case .sqlite: "printf('%0\(width)d', \(expression))"
        case .postgresql: "lpad(CAST(\(expression) AS TEXT), \(width), '0')"
        }
    }

    /// What to run after a bulk load so the planner knows the new data: statistics, and on
    /// PostgreSQL the visibility map that index-only scans need.
    var afterBulkLoad: [String] {
        switch kind {
        case .sqlite: ["ANALYZE", "PRAGMA optimize"]
        case .postgresql:
            ["customers", "customer_identities", "interactions", "orders", "order_lines", "tracked_events", "deals", "deal_lines", "pipeline_stage_totals"]
                .map { "VACUUM (ANALYZE) \($0)" }
        }
    }

    /// Writes changed pages out: PostgreSQL's checkpoint; SQLite's WAL folded into the file.
    var settleWrites: String {
        kind == .postgresql ? "CHECKPOINT" : "PRAGMA wal_checkpoint(TRUNCATE)"
    }

    /// A condition true when the text column contains any of the values (`%` and `_` in them
    /// match only themselves); false when there are none. `quoted` matches a value only as a
    /// whole JSON string (`"value"`), so a short id does not match inside other numbers.
    /// PostgreSQL ignores case as SQLite's `LIKE` does. The alternatives are grouped in a
    /// balanced tree, so a person with thousands of values stays within SQLite's expression
    /// depth (1,000).
    func containsAny(_ values: [String], column: String, quoted: Bool = false) -> SQLQueryString {
        guard !values.isEmpty else { return "(1 = 0)" }
        let like = kind == .postgresql ? "ILIKE" : "LIKE"
        func group(_ slice: ArraySlice<String>) -> SQLQueryString {
            if slice.count == 1, let value = slice.first {
                var escaped = LikePattern.escaped(value)
                if quoted { escaped = "\"" + escaped + "\"" }
                return "\(unsafeRaw: column) \(unsafeRaw: like) \(bind: "%" + escaped + "%") ESCAPE '\\'"
            }
            let middle = slice.startIndex + slice.count / 2
            return "(" + group(slice[slice.startIndex..<middle]) + " OR " + group(slice[middle..<slice.endIndex]) + ")"
        }
        return "(" + group(values[...]) + ")"
    }

    // MARK: Segments

    /// `LIKE` that ignores case on both engines (SQLite's already does for ASCII).
    var caseInsensitiveLike: String { kind == .postgresql ? "ILIKE" : "LIKE" }

    /// A custom attribute of the customers aliased `c`, read as `reading`; NULL when absent or
    /// of another type (so `"5"` is no number and `5` no text). Keys never hold `"` or `\`.
    func attribute(_ key: String, as reading: AttributeReading) -> SQLQueryString {
        switch kind {
        case .sqlite:
            let path = "$.\"" + key + "\""
            let type: SQLQueryString = "json_type(c.attributes, \(bind: path))"
            let value: SQLQueryString = "json_extract(c.attributes, \(bind: path))"
            switch reading {
            case .text: return "(CASE WHEN " + type + " = 'text' THEN " + value + " END)"
            case .number: return "(CASE WHEN " + type + " IN ('integer', 'real') THEN " + value + " END)"
            case .boolean: return "(CASE " + type + " WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)"
            case .any: return type
            }
        case .postgresql:
            let type: SQLQueryString = "jsonb_typeof(c.attributes::jsonb -> \(bind: key))"
            let value: SQLQueryString = "(c.attributes::jsonb ->> \(bind: key))"
            switch reading {
            case .text: return "(CASE WHEN " + type + " = 'string' THEN " + value + " END)"
            case .number: return "(CASE WHEN " + type + " = 'number' THEN " + value + "::double precision END)"
            case .boolean: return "(CASE WHEN " + type + " = 'boolean' THEN (CASE WHEN " + value + " = 'true' THEN 1 ELSE 0 END) END)"
            case .any: return type
            }
        }
    }

    /// The month and day (`MM-DD`, UTC) of a moment stored as microseconds since 1970 (read
    /// as fractional seconds on both engines, so a moment before 1970 keeps its day).
    func monthDay(ofMicroseconds moment: SQLQueryString) -> SQLQueryString {
        switch kind {
        case .sqlite: "strftime('%m-%d', " + moment + " / 1000000.0, 'unixepoch')"
        case .postgresql: "to_char(to_timestamp(" + moment + " / 1000000.0) AT TIME ZONE 'UTC', 'MM-DD')"
        }
    }

    /// How many days into the leap year 2000 a month and day (`MM-DD` text) falls, as
    /// `SegmentAnniversary.dayOfLeapYear` counts: 0 for `01-01`, 365 for `12-31`. NULL when the
    /// text names no day (`02-30`, `ab-cd`): PostgreSQL would fail the statement on casting it,
    /// SQLite would roll it into the next month.
    func dayOfLeapYear(_ monthDay: SQLQueryString) -> SQLQueryString {
        let day: SQLQueryString = "('2000-' || " + monthDay + ")"
        switch kind {
        case .sqlite:
            let valid: SQLQueryString = "strftime('%m-%d', julianday(" + day + ")) = " + monthDay
            return "(CASE WHEN " + valid + " THEN CAST(julianday(" + day + ") - julianday('2000-01-01') AS INTEGER) END)"
        case .postgresql:
            let real = "^((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|[12][0-9]))$"
            return "(CASE WHEN " + monthDay + " ~ '\(unsafeRaw: real)' THEN (" + day + "::date - DATE '2000-01-01') END)"
        }
    }

    /// The addresses of the customers aliased `c`, one row each (`FROM` this), and how a key of
    /// the row is read.
    func addressRows(reading key: String) -> (rows: SQLQueryString, value: SQLQueryString) {
        switch kind {
        case .sqlite: ("json_each(c.addresses) a", "json_extract(a.value, \(bind: "$." + key))")
        case .postgresql: ("jsonb_array_elements(c.addresses::jsonb) a(value)", "(a.value ->> \(bind: key))")
        }
    }

    /// Whether the tracked events aliased `t` have the property equal to `value` (a text,
    /// number or true/false, of the same JSON type; numbers compare as numbers). Keys never
    /// hold `"` or `\`.
    func eventProperty(_ key: String, equals value: JSONValue) -> SQLQueryString {
        switch kind {
        case .sqlite:
            let path = "$.\"" + key + "\""
            let read: SQLQueryString = "json_extract(t.properties, \(bind: path))"
            switch value {
            case .bool(let flag): return read + " = \(bind: flag ? 1 : 0) AND json_type(t.properties, \(bind: path)) = \(bind: flag ? "true" : "false")"
            case .number(let number): return read + " = \(bind: number) AND json_type(t.properties, \(bind: path)) IN ('integer', 'real')"
            case .string(let text): return read + " = \(bind: text) AND json_type(t.properties, \(bind: path)) = 'text'"
            default: return "json_type(t.properties, \(bind: path)) = 'null'"
            }
        case .postgresql:
            var writer = JSONWriter()
            writer.value(.object([key: value]))
            return "t.properties::jsonb @> \(bind: writer.text)::jsonb"
        }
    }

    /// The earliest of moments that may each be NULL (NULL when all are).
    func earliest(_ moments: [SQLQueryString]) -> SQLQueryString? {
        guard let first = moments.first else { return nil }
        if moments.count == 1 { return first }
        switch kind {
        case .postgresql:
            return "LEAST(" + moments.dropFirst().reduce(first) { $0 + ", " + $1 } + ")"
        case .sqlite:
            let never = String(Int64.max)
            let wrapped = moments.map { "COALESCE(" + $0 + ", \(unsafeRaw: never))" as SQLQueryString }
            return "NULLIF(MIN(" + wrapped.dropFirst().reduce(wrapped[0]) { $0 + ", " + $1 } + "), \(unsafeRaw: never))"
        }
    }

    /// Run at the end of an erasure's transaction: SQLite's search index keeps a deleted
    /// document's terms until its segments are merged, so they are merged now.
    var afterErasure: [String] {
        kind == .sqlite ? ["INSERT INTO customer_search(customer_search) VALUES ('optimize')"] : []
    }

    /// The column definition of an auto-numbered primary key.
    var autoIncrementPrimaryKey: String {
        switch kind {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgresql: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// Full-text search over `customers.search_document`: an FTS5 table kept in step by
    /// triggers on SQLite, a generated `tsvector` column with a GIN index on PostgreSQL.
    var customerSearchSchema: [String] {
        switch kind {
        case .sqlite:
            [
                "CREATE VIRTUAL TABLE customer_search USING fts5(search_document, content='customers', content_rowid='rowid', tokenize='unicode61', prefix='2 3 4')",
                """
                CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
                  INSERT INTO customer_search(rowid, search_document) VALUES (new.rowid, new.search_document);
                END
                """,
                """
                CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
                  INSERT INTO customer_search(customer_search, rowid, search_document) VALUES ('delete', old.rowid, old.search_document);
                END
                """,
                """
                CREATE TRIGGER customers_search_update AFTER UPDATE OF search_document ON customers BEGIN
                  INSERT INTO customer_search(customer_search, rowid, search_document) VALUES ('delete', old.rowid, old.search_document);
                  INSERT INTO customer_search(rowid, search_document) VALUES (new.rowid, new.search_document);
                END
                """,
            ]
        case .postgresql:
            [
                "ALTER TABLE customers ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_document)) STORED",
                "CREATE INDEX customers_search ON customers USING GIN (search_vector)",
            ]
        }
    }

    /// The 360° view in one statement: the customer's row, its identities and latest
    /// touchpoints (recorded interactions and tracked calls) as JSON arrays, and the number of
    /// touchpoints. Parameter 1 is the workspace,
    /// 2 the customer id. It runs on every view request, so it is kept prepared on PostgreSQL
    /// (planning it cost more than running it) and bound directly on SQLite.
    static func customerViewSQL(for kind: EngineKind, recent: Int) -> String {
        let (array, object, json, asText, first, second) = kind == .sqlite
            ? ("json_group_array", "json_object", "json(t.payload)", "", "?1", "?2")
            : ("json_agg", "json_build_object", "t.payload::json", "::text", "$1", "$2")
        // Columns are named, not `c.*`: a prepared statement must keep its result type when a
        // later migration adds a column while servers are running.
        let columns = [
            "id", "workspace_id", "first_name", "last_name", "locale", "timezone", "notes", "addresses", "tags",
            "attributes", "created_at", "updated_at", "deleted_at", "merged_into_id",
        ].map { "c." + $0 }.joined(separator: ", ")
        return """
            SELECT \(columns),
              (SELECT \(array)(\(object)('id', i.id, 'kind', i.kind, 'value', i.value, 'source', i.source,
                 'created_at', i.created_at, 'provenance', i.provenance) ORDER BY i.created_at, i.id)\(asText)
               FROM customer_identities i WHERE i.customer_id = c.id) AS identities_json,
              (SELECT COUNT(*) FROM interactions t WHERE t.customer_id = c.id)
                + (SELECT COUNT(*) FROM tracked_events e WHERE e.customer_id = c.id) AS interaction_total,
              (SELECT \(array)(\(object)('id', t.id, 'channel', t.channel, 'direction', t.direction, 'kind', t.kind,
                 'summary', t.summary, 'occurred_at', t.occurred_at, 'payload', \(json), 'created_at', t.created_at)
                 ORDER BY t.occurred_at DESC, t.id DESC)\(asText)
               FROM (SELECT * FROM (SELECT id, channel, direction, kind, summary, occurred_at, payload, created_at
                   FROM interactions WHERE customer_id = c.id ORDER BY occurred_at DESC, id DESC LIMIT \(recent)) a
                 UNION ALL
                 SELECT * FROM (SELECT id, 'web' AS channel, 'inbound' AS direction, type AS kind, name AS summary,
                     occurred_at, properties AS payload, received_at AS created_at
                   FROM tracked_events WHERE customer_id = c.id ORDER BY occurred_at DESC, id DESC LIMIT \(recent)) b
                 ORDER BY occurred_at DESC, id DESC LIMIT \(recent)) t
              ) AS recent_json
            FROM customers c WHERE c.workspace_id = \(first) AND c.id = \(second)
            """
    }

    /// The row of `customerViewSQL`, or nil when no customer has that id in the workspace.
    func customerViewRow(id: String, workspaceID: String, on handle: SQLConnectionHandle) async throws -> (any SQLRow)? {
        if let connection = handle.postgres {
            let rows = try await connection.execute(
                CustomerViewStatement(workspaceID: workspaceID, customerID: id), logger: connection.logger)
            for try await row in rows { return row.sql() }
            return nil
        }
        if let connection = handle.sqlite {
            let sql = Self.customerViewSQL(for: .sqlite, recent: CustomerView.recentInteractionCount)
            return try await connection.query(sql, [.text(workspaceID), .text(id)]).first?.sql()
        }
        return nil
    }

    /// How many of the newest customers PostgreSQL checks before it asks the GIN index.
    static let searchWindow = 2_000

    /// The rows of live customers of a workspace whose search document has, for every token, a
    /// token it prefixes; newest first, one page plus one row (to tell whether more follow).
    ///
    /// SQLite: the FTS5 table drives the query in descending rowid order (rowid follows insertion,
    /// so newest first) and stops at the page.
    ///
    /// PostgreSQL can either walk customers newest first and test each (instant for common words,
    /// seconds when the few matches are all old) or collect every match from the GIN index and
    /// sort them (instant for rare words, slow for common ones), and its estimates for prefix
    /// queries cannot tell which. So it checks the newest `searchWindow` customers first; only
    /// when they do not fill the page does it use the GIN index, which is then cheap because
    /// the word is rare among recent customers.
    func customerSearchRows(
        tokens: [String], filter: CustomerFilter, workspaceID: String, page: PageRequest, on handle: SQLConnectionHandle
    ) async throws -> [any SQLRow] {
        let limit = page.limit + 1
        switch kind {
        case .sqlite:
            let match = tokens.map { "\"\($0)\"*" }.joined(separator: " AND ")
            var query: SQLQueryString = """
                SELECT c.* FROM customer_search s JOIN customers c ON c.rowid = s.rowid
                WHERE customer_search MATCH \(bind: match) AND c.workspace_id = \(bind: workspaceID)
                  AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
                """
            query += filter.conditions(workspaceID: workspaceID, dialect: self)
            if let cursor = page.startingAfter {
                query += " AND s.rowid < (SELECT rowid FROM customers WHERE id = \(bind: cursor))"
            }
            query += " ORDER BY s.rowid DESC LIMIT \(literal: limit)"
            return try await handle.sql.raw(query).all()
        case .postgresql:
            let tsquery = tokens.map { "\($0):*" }.joined(separator: " & ")
            var live: SQLQueryString = """
                c.workspace_id = \(bind: workspaceID) AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
                """
            live += filter.conditions(workspaceID: workspaceID, dialect: self)
            if let cursor = page.startingAfter { live += " AND c.id < \(bind: cursor)" }
            let window: SQLQueryString = """
                SELECT * FROM (SELECT c.* FROM customers c WHERE \(live) ORDER BY c.id DESC LIMIT \(literal: Self.searchWindow)) c
                WHERE c.search_vector @@ to_tsquery('simple', \(bind: tsquery)) ORDER BY c.id DESC LIMIT \(literal: limit)
                """
            let recent = try await handle.sql.raw(window).all()
            if recent.count == limit { return recent }
            // Not enough among the newest: collect all matches from the GIN index. Walking the
            // id index is switched off for this one statement so the planner cannot pick it.
            try await handle.sql.raw("SET enable_indexscan = off").run()
            do {
                let all = try await handle.sql.raw("""
                    SELECT c.* FROM customers c WHERE \(live) AND c.search_vector @@ to_tsquery('simple', \(bind: tsquery))
                    ORDER BY c.id DESC LIMIT \(literal: limit)
                    """).all()
                try await handle.sql.raw("RESET enable_indexscan").run()
                return all
            } catch {
                try? await handle.sql.raw("RESET enable_indexscan").run()
                throw error
            }
        }
    }

    /// Writes many rows: `COPY FROM STDIN` on PostgreSQL (three times faster than INSERT there);
    /// multi-row `INSERT`s on SQLite, sized to its bind limit and bound directly as SQLite values
    /// (SQLKit's generic bind encoding cost more than SQLite's own work in import profiles).
    func bulkInsert(table: String, columns: [String], rows: [[SQLCell]], on handle: SQLConnectionHandle) async throws {
        guard !rows.isEmpty else { return }
        if kind == .postgresql, let connection = handle.postgres, rows.count >= 8 {
            try await connection.copyFrom(table: table, columns: columns, logger: connection.logger) { writer in
                var buffer = ByteBuffer()
                for row in rows {
                    Self.appendCopyLine(row, to: &buffer)
                    if buffer.readableBytes > 1 << 20 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
            return
        }
        _ = try await insert(table: table, columns: columns, rows: rows, suffix: "", returned: nil, on: handle)
    }

    /// Multi-row INSERTs that end in `suffix` (an `ON CONFLICT` clause and a `RETURNING` list);
    /// answers the text of column `returned` of every row returned. On SQLite the values are
    /// bound directly as SQLite values, as many rows a statement as its bind limit allows
    /// (SQLKit's generic bind encoding cost more than SQLite's own work in import profiles). On
    /// PostgreSQL each column travels as one array parameter that `unnest` spreads into rows:
    /// a handful of binds however many rows, and the returned column read by position.
    func insert(
        table: String, columns: [String], rows: [[SQLCell]], suffix: String, returned: String?, on handle: SQLConnectionHandle
    ) async throws -> [String] {
        guard !rows.isEmpty else { return [] }
        if let connection = handle.postgres {
            return try await insertUnnesting(table: table, columns: columns, rows: rows, suffix: suffix, returned: returned, on: connection)
        }
        let rowsPerStatement = max(1, 30_000 / columns.count)
        var answered: [String] = []
        let connection = handle.sqliteConnection
        let rowPlaceholder = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        for chunk in rows.slices(of: rowsPerStatement) {
            let sql = head + Array(repeating: rowPlaceholder, count: chunk.count).joined(separator: ",") + " " + suffix
            var binds: [SQLiteData] = []
            binds.reserveCapacity(chunk.count * columns.count)
            for row in chunk {
                for cell in row {
                    switch cell {
                    case .text(let value?): binds.append(.text(value))
                    case .integer(let value?): binds.append(.integer(Int(value)))
                    case .real(let value?): binds.append(.float(value))
                    case .text(nil), .integer(nil), .real(nil): binds.append(.null)
                    }
                }
            }
            let result = try await connection.query(sql, binds)
            if let returned { answered += result.compactMap { $0.column(returned)?.string } }
        }
        return answered
    }

    /// `INSERT … SELECT * FROM unnest($1::text[], $2::bigint[], …)`, 10,000 rows a statement.
    private func insertUnnesting(
        table: String, columns: [String], rows: [[SQLCell]], suffix: String, returned: String?, on connection: PostgresConnection
    ) async throws -> [String] {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ",")
        var answered: [String] = []
        for chunk in rows.slices(of: 10_000) {
            var bindings = PostgresBindings(capacity: columns.count)
            var parameters: [String] = []
            for index in columns.indices {
                let column = PostgresColumnArray(column: index, of: chunk)
                try bindings.append(column)
                parameters.append("$\(index + 1)::\(column.sqlType)")
            }
            let sql = "INSERT INTO \"\(table)\" (\(names)) SELECT * FROM unnest(\(parameters.joined(separator: ","))) \(suffix)"
            let result = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: connection.logger)
            for try await row in result {
                if let returned, let value = row.first(where: { $0.columnName == returned })?.textValue { answered.append(value) }
            }
        }
        return answered
    }

    /// One row in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes.
    private static func appendCopyLine(_ row: [SQLCell], to buffer: inout ByteBuffer) {
        for (index, cell) in row.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch cell {
            case .integer(nil), .text(nil), .real(nil):
                buffer.writeStaticString("\\N")
            case .integer(let value?):
                buffer.writeString(String(value))
            case .real(let value?):
                buffer.writeString(String(value))
            case .text(let value?):
                // Most values need no escaping: copy them whole.
                let needsEscaping = value.utf8.withContiguousStorageIfAvailable { bytes in
                    bytes.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
                } ?? true
                guard needsEscaping else {
                    buffer.writeString(value)
                    continue
                }
                for byte in value.utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                    case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                    case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                    case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                    default: buffer.writeInteger(byte)
                    }
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
