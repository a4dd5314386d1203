import Foundation
import RapportCore
import SQLKit

/// A table's columns as the schema declares them, read from the database (SQLite's
/// `pragma_table_info`, PostgreSQL's `information_schema`), and how to read any column's value
/// as JSON for an export: numbers as numbers, stored times as ISO 8601, stored JSON as JSON.
struct ColumnCatalog: Sendable {
    let handle: SQLConnectionHandle

    struct Column: Sendable {
        enum Kind: Sendable { case integer, real, text }

        var name: String
        var kind: Kind

        /// Rapport stores times as microseconds in columns named `…_at`, `…_until`, `…_due`
        /// or `…_since`.
        var isTime: Bool {
            kind == .integer && ["_at", "_until", "_due", "_since"].contains { name.hasSuffix($0) }
        }

        func value(in row: any SQLRow) throws -> JSONValue {
            switch kind {
            case .integer:
                guard let number = try row.decode(column: name, as: Int64?.self) else { return .null }
                return isTime ? .string(Timestamp.iso8601(Timestamp.date(microseconds: number))) : .number(Double(number))
            case .real:
                return try row.decode(column: name, as: Double?.self).map(JSONValue.number) ?? .null
            case .text:
                guard let text = try row.decode(column: name, as: String?.self) else { return .null }
                if let first = text.first, first == "{" || first == "[", let document = try? JSONParser.parse(Array(text.utf8)) {
                    return document
                }
                return .string(text)
            }
        }
    }

    func columns(of table: String) async throws -> [Column] {
        let rows: [any SQLRow]
        switch handle.dialect.kind {
        case .sqlite:
            rows = try await handle.sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table)) ORDER BY cid").all()
        case .postgresql:
            rows = try await handle.sql.raw("""
                SELECT column_name AS name, data_type AS type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
                """).all()
        }
        return try rows.compactMap { row in
            let name = try row.string("name")
            // PostgreSQL's generated search vector is derived from a column already exported;
            // `writer_xid` is the transaction that wrote an event (bookkeeping, not data).
            guard name != "search_vector", name != "writer_xid" else { return nil }
            let type = try row.string("type").lowercased()
            let kind: Column.Kind =
                type.contains("int") ? .integer : (type.contains("double") || type.contains("real") || type.contains("numeric")) ? .real : .text
            return Column(name: name, kind: kind)
        }
    }
}
