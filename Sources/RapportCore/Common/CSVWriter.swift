import Foundation

/// Writes CSV (RFC 4180) as `CSVReader` reads it: fields separated by commas, records ended
/// by CRLF. The one writer of CSV files people open in spreadsheets (a customer's export, a
/// segment's members).
public enum CSVWriter {
    /// One record: the fields, each escaped, and the line end.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field quoted when it holds a comma, quote or line break, with quotes doubled. A field
    /// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return
    /// first, as OWASP lists them) gets a leading `'`; a
    /// number (`-5`, `+4930123456`) stays as it is.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
