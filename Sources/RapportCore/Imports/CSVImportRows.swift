import Foundation

/// CSV records as import rows. Money columns are decimals in major units (`12.50`), as people
/// and shop exports write them; consent columns are read by `CSVConsentColumns`; a row that
/// cannot be read is rejected with the reason.
public enum CSVImportRows {
    public static func customers(
        _ records: [(line: Int, fields: [String])], columns: CSVColumns, source: String
    ) -> (rows: [ImportRow<ImportedCustomer>], rejected: [ImportRejection]) {
        var rows: [ImportRow<ImportedCustomer>] = []
        let fields = Array(columns.index.keys)
        var rejected: [ImportRejection] = []
        for record in records {
            let value = { (field: String) in columns.value(field, in: record.fields) }
            var identities: [IdentityInput] = []
            if let email = value("email") { identities.append(IdentityInput(.email, value: email)) }
            if let phone = value("phone") { identities.append(IdentityInput(.phone, value: phone)) }
            if let whatsapp = value("whatsapp") { identities.append(IdentityInput(.whatsapp, value: whatsapp)) }
            if let id = value("external_id") { identities.append(IdentityInput(.external, value: id, source: source)) }
            guard !identities.isEmpty else {
                rejected.append(ImportRejection(line: record.line, reason: "no email, phone, whatsapp or customer id"))
                continue
            }
            let tags = (value("tags") ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," })
                .map { String($0).trimmed }.filter { !$0.isEmpty }
            let consents: [ConsentInput]
            switch CSVConsentColumns.consents(value, fields: fields) {
            case .success(let answers): consents = answers
            case .failure(let problem):
                rejected.append(ImportRejection(line: record.line, reason: problem.message))
                continue
            }
            rows.append(ImportRow(line: record.line, input: ImportedCustomer(
                customer: CustomerInput(
                    identities: identities, firstName: value("first_name"), lastName: value("last_name"), locale: value("locale"),
                    timezone: value("timezone"), notes: value("notes"), tags: tags),
                consents: consents)))
        }
        return (rows, rejected)
    }

    /// Rows of one order (same number) become one order with a line per row; the order's
    /// fields are read from its first row.
    public static func orders(
        _ records: [(line: Int, fields: [String])], columns: CSVColumns, source: String, defaultCurrency: String
    ) -> (rows: [ImportRow<OrderInput>], rejected: [ImportRejection]) {
        var rows: [ImportRow<OrderInput>] = []
        var rejected: [ImportRejection] = []
        var positions: [String: Int] = [:]
        var brokenOrders = Set<String>()
        for record in records {
            let value = { (field: String) in columns.value(field, in: record.fields) }
            guard let number = value("number") else {
                rejected.append(ImportRejection(line: record.line, reason: "no order number"))
                continue
            }
            if brokenOrders.contains(number) {
                rejected.append(ImportRejection(line: record.line, reason: "an earlier row of order \(number) was rejected"))
                continue
            }
            let currency = Currency.normalized(value("currency") ?? defaultCurrency) ?? defaultCurrency
            var problems: [String] = []
            func money(_ field: String) -> Int64? {
                guard let text = value(field) else { return nil }
                let cleaned = text.replacingOccurrences(of: currency, with: "").replacingOccurrences(of: "$", with: "")
                guard let amount = Currency.minorUnits(fromDecimal: cleaned, currency: currency) else {
                    problems.append("\(field) '\(text)' is not an amount")
                    return nil
                }
                return amount
            }
            var line: OrderLineInput?
            if value("sku") != nil || value("title") != nil || value("unit_price") != nil {
                let quantityText = value("quantity") ?? "1"
                let quantity = Int(quantityText) ?? { problems.append("quantity '\(quantityText)' is not a whole number"); return 1 }()
                line = OrderLineInput(
                    sku: value("sku"), title: value("title"), quantity: quantity, unitPrice: money("unit_price") ?? 0,
                    discount: money("line_discount") ?? 0)
            }
            if let index = positions[number] {
                if let line, problems.isEmpty { rows[index].input.lines.append(line) }
                if !problems.isEmpty {
                    rejected.append(ImportRejection(line: record.line, reason: problems.joined(separator: "; ")))
                    rejected.append(ImportRejection(line: rows[index].line, reason: "order \(number) has a rejected row"))
                    brokenOrders.insert(number)
                    rows[index].input.number = ""
                }
                continue
            }
            var identities: [IdentityInput] = []
            if let email = value("email") { identities.append(IdentityInput(.email, value: email)) }
            if let phone = value("phone") { identities.append(IdentityInput(.phone, value: phone)) }
            if let id = value("customer_id") { identities.append(IdentityInput(.external, value: id, source: source)) }
            var placedAt: Date?
            if let text = value("placed_at") {
                placedAt = date(text)
                if placedAt == nil { problems.append("placed_at '\(text)' is not an ISO 8601 date") }
            }
            let status = value("status").map { OrderStatus(rawValue: $0.lowercased()) ?? statusFromShop($0) }
            let channel = value("channel").flatMap { OrderChannel(rawValue: $0.lowercased()) } ?? .web
            var fulfillments: [FulfillmentInput] = []
            if let tracking = value("tracking_number") {
                fulfillments.append(FulfillmentInput(carrier: value("carrier"), trackingNumber: tracking))
            }
            guard problems.isEmpty else {
                rejected.append(ImportRejection(line: record.line, reason: problems.joined(separator: "; ")))
                brokenOrders.insert(number)
                continue
            }
            positions[number] = rows.count
            rows.append(ImportRow(line: record.line, input: OrderInput(
                customer: CustomerInput(identities: identities, firstName: value("first_name"), lastName: value("last_name")),
                number: number, source: source, status: status, channel: channel, currency: currency,
                lines: line.map { [$0] } ?? [], subtotal: money("subtotal"), discount: money("discount") ?? 0,
                tax: money("tax") ?? 0, shipping: money("shipping") ?? 0, total: money("total"),
                discountCodes: value("discount_code").map { [$0] } ?? [], fulfillments: fulfillments, placedAt: placedAt)))
        }
        return (rows.filter { !$0.input.number.isEmpty }, rejected)
    }

    /// A time as files write it: ISO 8601, `2025-03-01 10:00:00` (UTC), or a day.
    static func date(_ text: String) -> Date? {
        Timestamp.parse(text) ?? Timestamp.parse(text.replacingOccurrences(of: " ", with: "T") + "Z") ?? Timestamp.parse(text + "T00:00:00Z")
    }

    /// Shopify's financial statuses in Rapport's lifecycle.
    static func statusFromShop(_ text: String) -> OrderStatus {
        switch text.lowercased() {
        case "paid", "partially_paid", "processing": .paid
        case "refunded": .refunded
        case "partially_refunded": .partiallyRefunded
        case "voided", "cancelled", "canceled": .cancelled
        case "fulfilled", "completed", "shipped": .fulfilled
        default: .pending
        }
    }
}
