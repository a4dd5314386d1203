import Foundation

/// Everything Rapport holds on a customer (GDPR articles 15 and 20): the rows of every table
/// that names them or one of the records merged into them, complete, table by table.
public struct CustomerExport: Sendable {
    public static let format = "rapport.customer_export"
    public static let version = 1

    public var customerID: String
    /// The customer and every record merged into them.
    public var customerIDs: [String]
    public var exportedAt: Date
    public var tables: [PersonalDataTable]

    public init(customerID: String, customerIDs: [String], exportedAt: Date, tables: [PersonalDataTable]) {
        self.customerID = customerID
        self.customerIDs = customerIDs
        self.exportedAt = exportedAt
        self.tables = tables
    }

    public var rowCount: Int { tables.reduce(0) { $0 + $1.rows.count } }

    /// One JSON document: `{"format","version","exported_at","customer_id","customer_ids",
    /// "tables":{"NAME":[{column: value, …}, …], …}}`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("format")
        writer.string(Self.format)
        writer.key("version")
        writer.integer(Int64(Self.version))
        writer.key("exported_at")
        writer.string(Timestamp.iso8601(exportedAt))
        writer.key("customer_id")
        writer.string(customerID)
        writer.key("customer_ids")
        writer.beginArray()
        for id in customerIDs { writer.string(id) }
        writer.endArray()
        writer.key("tables")
        writer.beginObject()
        for table in tables {
            writer.key(table.name)
            writer.beginArray()
            for row in table.rows {
                writer.beginObject()
                for (column, value) in zip(table.columns, row) {
                    writer.key(column)
                    writer.raw(JSONDocumentEncoder.text(value))
                }
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        writer.endObject()
        return writer.text
    }

    /// A table as CSV (RFC 4180, written by `CSVWriter`): a header of column names, then one
    /// line per row; a stored JSON document is its JSON text.
    public static func csv(_ table: PersonalDataTable) -> String {
        var text = CSVWriter.line(table.columns)
        for row in table.rows {
            text += CSVWriter.line(row.map { value in
                switch value {
                case .null: ""
                case .string(let string): string
                default: JSONDocumentEncoder.text(value)
                }
            })
        }
        return text
    }
}
