/// The rows one table holds on a customer, as stored: column names and, per row, one value
/// per column (times as ISO 8601 text, stored JSON documents as JSON).
public struct PersonalDataTable: Sendable, Equatable {
    public var name: String
    public var columns: [String]
    public var rows: [[JSONValue]]

    public init(name: String, columns: [String], rows: [[JSONValue]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
