import SQLiteNIO

extension SQLiteData: ColumnValue {
    var textValue: String? { string }
    var integerValue: Int64? { integer.map(Int64.init) }
}
