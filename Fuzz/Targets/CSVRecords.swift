import RapportCore

/// CSV imports (RFC 4180). Records written back with every field quoted read back as the
/// same records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVRecords(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let records = CSVReader.records(FuzzInput.text(data, size))
    let written = records.map { record in
        record.fields.map(quoted).joined(separator: ",")
    }.joined(separator: "\n")
    let again = CSVReader.records(written).map(\.fields)
    FuzzInput.expect(again == records.map(\.fields), "quoted records read back the same")
    FuzzInput.expect(zip(records, records.dropFirst()).allSatisfy { $0.line < $1.line }, "record lines increase")
    return 0
}

/// A field in quotes, its quotes doubled scalar by scalar (a quote followed by a combining
/// mark is one `Character`, so character-wise replacing would miss it).
private func quoted(_ field: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append("\"")
    for scalar in field.unicodeScalars {
        scalars.append(scalar)
        if scalar == "\"" { scalars.append("\"") }
    }
    scalars.append("\"")
    return String(scalars)
}
