/// A value of a result row read by position, as either engine hands it over: the hot paths
/// that read thousands of rows (a points replay) skip SQLKit's decoding by column name.
protocol ColumnValue {
    /// The text of a text column; nil for NULL.
    var textValue: String? { get }
    /// The number of an integer column; nil for NULL or another kind of value.
    var integerValue: Int64? { get }
}
