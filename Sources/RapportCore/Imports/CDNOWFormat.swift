import Foundation

/// The CDNOW transaction log (Fader & Hardie) as shipped in the `lifetimes` package:
/// whitespace-separated customer id, date (yyyymmdd), number of CDs and dollars;
/// `CDNOW_sample.txt` has a sample index as its second column. Each line becomes one order of
/// the customer known by the external id `cdnow:<customer id>`.
public enum CDNOWFormat {
    public static let source = "cdnow"

    /// The orders of a file's text, or the lines that could not be read.
    public static func orders(_ text: String) -> (rows: [ImportRow<OrderInput>], rejected: [ImportRejection]) {
        var rows: [ImportRow<OrderInput>] = []
        var rejected: [ImportRejection] = []
        var sequence: [String: Int] = [:]
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty || (lineNumber == 1 && fields.first == "customer_id") { continue }
            guard fields.count == 4 || fields.count == 5 else {
                rejected.append(ImportRejection(line: lineNumber, reason: "expected 4 or 5 columns, found \(fields.count)"))
                continue
            }
            let offset = fields.count - 4
            let customer = String(fields[0])
            guard let date = day(fields[1 + offset]), let quantity = Int(fields[2 + offset]), quantity >= 0,
                let cents = Currency.minorUnits(fromDecimal: String(fields[3 + offset]), currency: "USD"), cents >= 0
            else {
                rejected.append(ImportRejection(line: lineNumber, reason: "expected a date yyyymmdd, a number of CDs and dollars"))
                continue
            }
            let dayKey = "\(customer)-\(fields[1 + offset])"
            let count = sequence[dayKey, default: 0] + 1
            sequence[dayKey] = count
            let number = "\(dayKey)-\(count)"
            let lines = quantity > 0
                // The log has only the amount: the line's unit price is its share, the total is exact.
                ? [OrderLineInput(title: "CDs", quantity: quantity, unitPrice: cents / Int64(quantity))]
                : []
            rows.append(ImportRow(line: lineNumber, input: OrderInput(
                customer: CustomerInput(identities: [IdentityInput(kind: "external", value: customer, source: source)]),
                number: number, source: source, externalID: number, status: .delivered, channel: .web, currency: "USD",
                lines: lines, subtotal: cents, total: cents, placedAt: date)))
        }
        return (rows, rejected)
    }

    /// Midnight UTC of a yyyymmdd date.
    static func day(_ text: Substring) -> Date? {
        guard text.count == 8, let value = Int(text) else { return nil }
        var components = DateComponents()
        components.year = value / 10_000
        components.month = value / 100 % 100
        components.day = value % 100
        components.timeZone = .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == components.day else { return nil }
        return date
    }
}
