import Foundation

/// A customer's latest order that is not cancelled (by when it was placed), as a campaign
/// names it: `order.number`, `order.date`, `order.total`, `order.items`, `order.status`,
/// `order.tracking_number`, `order.tracking_url` and `order.carrier` (the latest shipment's).
public struct CampaignOrder: Sendable, Equatable {
    /// Lines `order.items` names; the rest are counted (`, +2`).
    public static let listedItems = 3
    /// Longer line titles are cut to this many characters in `order.items`.
    public static let itemTitleLength = 60

    public var customerID: String
    public var number: String
    public var status: OrderStatus
    /// Minor units of `currency`.
    public var total: Int64
    public var currency: String
    public var placedAt: Date
    /// The first `listedItems` lines, in the order's order.
    public var lines: [OrderLine]
    /// How many lines the order has.
    public var lineCount: Int
    /// The latest shipment.
    public var shipment: Fulfillment?

    public init(
        customerID: String, number: String, status: OrderStatus, total: Int64, currency: String, placedAt: Date, lines: [OrderLine],
        lineCount: Int, shipment: Fulfillment?
    ) {
        self.customerID = customerID
        self.number = number
        self.status = status
        self.total = total
        self.currency = currency
        self.placedAt = placedAt
        self.lines = lines
        self.lineCount = lineCount
        self.shipment = shipment
    }

    /// The variables, the date in `locale`'s words (`14 March 2026`, UTC). A tracking address
    /// that is no http(s) address is left out.
    public func values(locale: String) -> [String: String] {
        var values = [
            "order.number": number, "order.status": status.rawValue, "order.total": MoneyText.format(total, currency),
            "order.date": Self.day(placedAt, locale: locale), "order.items": items,
        ]
        values["order.tracking_number"] = shipment?.trackingNumber
        values["order.tracking_url"] = shipment?.trackingURL.flatMap { CampaignTracking.isWebAddress($0) ? $0 : nil }
        values["order.carrier"] = shipment?.carrier
        return values
    }

    /// What was bought, bounded: `2 × Blue Mug, Tea Towel, +3`.
    public var items: String {
        var parts = lines.prefix(Self.listedItems).map { line -> String in
            let title = line.title.split(whereSeparator: \.isNewline).joined(separator: " ")
            let cut = title.count > Self.itemTitleLength ? String(title.prefix(Self.itemTitleLength - 1)) + "…" : title
            return line.quantity > 1 ? "\(line.quantity) × \(cut)" : cut
        }
        if lineCount > parts.count { parts.append("+\(lineCount - parts.count)") }
        return parts.joined(separator: ", ")
    }

    /// The day as the bot says it to customers, in the content's language.
    private static func day(_ date: Date, locale: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale.replacingOccurrences(of: "-", with: "_"))
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }
}
