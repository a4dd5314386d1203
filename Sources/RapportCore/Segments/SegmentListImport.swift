/// A file of identities for a list (`POST /api/v1/segments/{id}/members/import`): CSV read by
/// `CSVReader`, whose first row names the columns (`CSVColumns`): `email`, `phone`,
/// `whatsapp`, `external_id` (with a `source` column naming its system, or the `source` given
/// for the whole file) and `customer_id` (a Rapport id, `cus_…`); common spellings (`E-Mail`,
/// `Phone number`, …) are understood, other columns are left alone. Every further row names
/// one customer by what it fills; each value it fills must be readable, or the row is invalid.
/// Identities are normalised as everywhere (`IdentityNormalizer`) before they are matched.
struct SegmentListImport: Sendable {
    /// Rows read at once; a longer file is refused whole.
    static let maximumRows = 100_000
    /// Columns a row may average: identities and a few notes.
    static let maximumColumns = 64
    /// How many lines are given back of those not found and of those invalid.
    static let reportedLines = 20
    /// The identity columns after `customer_id`, in the order a row is matched by them.
    static let identityColumns: [(column: String, kind: IdentityKind)] = [
        ("email", .email), ("phone", .phone), ("whatsapp", .whatsapp), ("external_id", .external),
    ]
    /// Header names per column, lower-cased (shop exports' customer ids are their own, so
    /// `customer id` is not read as Rapport's).
    static let aliases: [String: [String]] = [
        "customer_id": ["rapport_id", "rapport id", "rapport customer id"],
        "email": CSVColumns.customerAliases["email"] ?? [],
        "phone": CSVColumns.customerAliases["phone"] ?? [],
        "whatsapp": CSVColumns.customerAliases["whatsapp"] ?? [],
        "external_id": ["external id", "external_customer_id", "external customer id"],
        "source": ["system"],
    ]

    /// The rows that name someone, in file order.
    private(set) var rows: [SegmentListImportRow] = []
    /// The rows that cannot be read, with why.
    private(set) var invalid: [ImportRejection] = []

    /// Reads the file. One without a header naming an identity column, without rows, or with
    /// more than `maximumRows` is refused whole (422 naming `csv`).
    init(csv: String, source: String?, normalizer: IdentityNormalizer) throws {
        // Spreadsheets save UTF-8 with a byte order mark, which would stick to the first column's name.
        let text = csv.unicodeScalars.first == "\u{FEFF}" ? String(csv.unicodeScalars.dropFirst()) : csv
        // Refused before it is read: more lines than rows allowed, or more fields than columns
        // a file of identities could need, would only fill memory.
        var lines = 0
        var separators = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { lines += 1 } else if byte == UInt8(ascii: ",") { separators += 1 }
        }
        guard lines <= Self.maximumRows + 1 else {
            throw RapportError.invalid(field: "csv", "has more than 100,000 rows; import at most 100,000 at once (split the file)")
        }
        guard separators <= (lines + 1) * Self.maximumColumns else {
            throw RapportError.invalid(field: "csv", "has more than \(Self.maximumColumns) columns in a row on average; keep the identity columns")
        }
        let records = CSVReader.records(text)
        guard let header = records.first else {
            throw RapportError.invalid(field: "csv", "is empty: send a header row naming the identity column, then one row per customer")
        }
        let columns = CSVColumns(header: header.fields, mapping: [:], aliases: Self.aliases)
        let named = ["customer_id"] + Self.identityColumns.map(\.column)
        guard named.contains(where: { columns.index[$0] != nil }) else {
            throw RapportError.invalid(field: "csv", "has no identity column: name email, phone, whatsapp, external_id or customer_id in the first row")
        }
        guard records.count > 1 else { throw RapportError.invalid(field: "csv", "has a header but no rows") }
        guard records.count - 1 <= Self.maximumRows else {
            throw RapportError.invalid(field: "csv", "has \(records.count - 1) rows; import at most 100,000 at once (split the file)")
        }
        let fileSource = source?.trimmed.isEmpty == false ? source?.trimmed : nil
        for record in records.dropFirst() {
            let value = { (field: String) in columns.value(field, in: record.fields) }
            var row = SegmentListImportRow(line: record.line, customerID: nil, keys: [])
            var problem: String?
            if let id = value("customer_id") {
                if ResourceID.isValid(id, prefix: .customer) {
                    row.customerID = id
                } else {
                    problem = "customer_id \(id.prefix(64)) is not a Rapport customer id (cus_…); put another system's id in external_id"
                }
            }
            for (column, kind) in Self.identityColumns where problem == nil {
                guard let written = value(column) else { continue }
                let system: String? = kind == .external ? (value("source") ?? fileSource) : nil
                if kind == .external, system == nil {
                    problem = "external_id needs the system it comes from: a source column, or source for the whole file"
                    continue
                }
                switch normalizer.normalize(IdentityInput(kind, value: written, source: system), field: column) {
                case .success(let identity): row.keys.append(identity.key)
                case .failure(.invalid(let errors)): problem = "\(column): " + (errors.first?.message ?? "cannot be read")
                case .failure: problem = "\(column): cannot be read"
                }
            }
            if problem == nil, row.customerID == nil, row.keys.isEmpty {
                problem = "names no one: fill one of email, phone, whatsapp, external_id or customer_id"
            }
            if let problem {
                invalid.append(ImportRejection(line: record.line, reason: problem))
            } else {
                rows.append(row)
            }
        }
    }
}
