import Foundation
import RapportLearning

/// The CDNOW transaction log (Fader & Hardie) as shipped in the `lifetimes` package:
/// whitespace-separated customer id, date (yyyymmdd), number of CDs and dollars;
/// `CDNOW_sample.txt` has a sample index as its second column. Each line becomes one order of
/// the customer known by the external id `cdnow:<customer id>`.
public enum CDNOWFormat {
    public static let source = "cdnow"

    /// The orders of a file's text, or the lines that could not be read.
    public static func orders(_ text: String) -> (rows: [ImportRow<OrderInput>], rejected: [ImportRejection]) {
        let (transactions, rejected) = self.transactions(text)
        var sequence: [String: Int] = [:]
        let rows = transactions.map { transaction in
            let dayKey = "\(transaction.customer)-\(transaction.dayText)"
            let count = sequence[dayKey, default: 0] + 1
            sequence[dayKey] = count
            let number = "\(dayKey)-\(count)"
            let cents = transaction.cents
            let lines = transaction.quantity > 0
                // The log has only the amount: the line's unit price is its share, the total is exact.
                ? [OrderLineInput(title: "CDs", quantity: transaction.quantity, unitPrice: cents / Int64(transaction.quantity))]
                : []
            return ImportRow(line: transaction.line, input: OrderInput(
                customer: CustomerInput(identities: [IdentityInput(.external, value: transaction.customer, source: source)]),
                number: number, source: source, externalID: number, status: .delivered, channel: .web, currency: "USD",
                lines: lines, subtotal: cents, total: cents, placedAt: transaction.date))
        }
        return (rows, rejected)
    }

    /// The file's purchases as the lifetime models read them, straight from the text (for
    /// benchmarks and checks that need no database).
    public static func purchaseDays(_ text: String) -> [PurchaseDay] {
        transactions(text).rows.map {
            PurchaseDay(customer: $0.customer, day: Int($0.date.timeIntervalSince1970 / 86_400), value: Double($0.cents) / 100)
        }
    }

    /// Every readable line, and the others with the reason.
    static func transactions(_ text: String) -> (
        rows: [(line: Int, customer: String, dayText: Substring, date: Date, quantity: Int, cents: Int64)], rejected: [ImportRejection]
    ) {
        var rows: [(line: Int, customer: String, dayText: Substring, date: Date, quantity: Int, cents: Int64)] = []
        var rejected: [ImportRejection] = []
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
            guard let date = day(fields[1 + offset]), let quantity = Int(fields[2 + offset]), quantity >= 0,
                let cents = Currency.minorUnits(fromDecimal: String(fields[3 + offset]), currency: "USD"), cents >= 0
            else {
                rejected.append(ImportRejection(line: lineNumber, reason: "expected a date yyyymmdd, a number of CDs and dollars"))
                continue
            }
            rows.append((lineNumber, String(fields[0]), fields[1 + offset], date, quantity, cents))
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
