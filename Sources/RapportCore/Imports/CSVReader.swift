/// Reads CSV (RFC 4180): comma-separated, fields optionally in double quotes, `""` for a quote
/// inside quotes, CRLF, LF or CR line ends. Each record comes with the line it starts on.
///
/// The reader walks Unicode scalars, not characters: a quote or comma followed by a combining
/// mark is one `Character` to Swift but still a delimiter to the file's writer.
public enum CSVReader {
    public static func records(_ text: String, separator: Character = ",") -> [(line: Int, fields: [String])] {
        let separator = separator.unicodeScalars.first ?? ","
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" {
                        line += 1
                        field.append(scalar)
                        if let next = iterator.next() {
                            if next == "\n" { field.append(next) } else { pending = next }
                        }
                        continue
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: inQuotes = true
            case separator: endField()
            case "\n", "\r":
                if scalar == "\r", let next = iterator.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
