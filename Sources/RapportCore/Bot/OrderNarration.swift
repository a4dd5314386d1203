import Foundation

/// How the bot tells a customer about an order: where it stands, what is in it, how it
/// ships, and whether it can still be paid, cancelled or returned.
enum OrderNarration {
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: date)
    }

    static func items(_ lines: [OrderLine]) -> String {
        lines.map { "\($0.title) ×\($0.quantity)" }.joined(separator: ", ")
    }

    static func total(_ order: Order) -> String { MoneyText.format(order.totals.total, order.currency) }

    /// Status, items and the shipment with its tracking link.
    static func status(of order: Order, paymentLink: String?) -> String {
        let what = "Order #\(order.number) (\(items(order.lines)))"
        let shipment = order.fulfillments.last
        let carrier = shipment?.carrier.map { " with \($0)" } ?? ""
        let tracking = tracking(of: shipment)
        switch order.status {
        case .pending:
            return "\(what) is waiting for payment of \(total(order))."
                + (paymentLink.map { " You can pay here: \($0)" } ?? "")
        case .paid:
            return "\(what) is paid and being prepared for shipping. You'll get the tracking link as soon as it leaves our warehouse."
        case .fulfilled:
            let shipped = order.fulfilledAt.map { " on \(day($0))" } ?? ""
            return "\(what) was shipped\(shipped)\(carrier).\(tracking)"
        case .delivered:
            let delivered = order.deliveredAt.map { " on \(day($0))" } ?? ""
            return "\(what) was delivered\(delivered)\(carrier).\(tracking)"
        case .cancelled:
            return "\(what) was cancelled" + (order.cancelledAt.map { " on \(day($0))." } ?? ".")
        case .refunded:
            return "\(what) was refunded in full (\(MoneyText.format(order.totals.refunded, order.currency)))."
        case .partiallyRefunded:
            return "\(what) was delivered and partly refunded (\(MoneyText.format(order.totals.refunded, order.currency)))."
                + tracking
        }
    }

    private static func tracking(of shipment: Fulfillment?) -> String {
        if let url = shipment?.trackingURL { return " Track it here: \(url)" }
        if let number = shipment?.trackingNumber { return " The tracking number is \(number)." }
        return ""
    }

    static func returnStatus(_ orderReturn: OrderReturn, order: Order) -> String {
        let what = "Your return \(orderReturn.id) for order #\(order.number)"
        switch orderReturn.status {
        case .requested: return "\(what) is registered; we're waiting for the parcel to arrive."
        case .approved: return "\(what) is approved; we'll refund you once the parcel arrives."
        case .received: return "\(what) has arrived and the refund is being processed."
        case .refunded:
            let amount = orderReturn.refundAmount.map { " (\(MoneyText.format($0, orderReturn.currency)))" } ?? ""
            return "\(what) is refunded\(amount). It can take a few working days to show on your statement."
        case .rejected: return "\(what) was not accepted. A colleague can explain why if you'd like."
        }
    }

    /// When the return window started: delivery, or shipping when delivery is unknown.
    static func returnWindowStart(of order: Order) -> Date? {
        order.deliveredAt ?? order.fulfillments.compactMap(\.deliveredAt).max() ?? order.fulfilledAt ?? order.fulfillments.last?.createdAt
    }
}
