import Foundation

/// What happens to a customer's orders and returns lands on their timeline, in the
/// transaction that changed them: placed, paid, shipped, refunded, re-addressed, returned.
struct CommerceTouchpoints: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        let now = transaction.now
        var touchpoints: [Interaction] = []
        for change in changes {
            if let change = change as? OrderChange, let touchpoint = Self.touchpoint(change, at: now) {
                touchpoints.append(touchpoint)
            } else if let change = change as? ReturnChange {
                touchpoints.append(Self.touchpoint(change, at: now))
            }
        }
        guard !touchpoints.isEmpty else { return }
        try await transaction.session.interactions.insert(touchpoints)
    }

    static func touchpoint(_ change: OrderChange, at now: Date) -> Interaction? {
        let order = change.order
        switch change.kind {
        case .created:
            let items = order.lines.reduce(0) { $0 + $1.quantity }
            return touchpoint(
                .orderPlaced, order: order, direction: .inbound,
                summary: "Order \(order.number) placed: \(MoneyText.format(order.totals.total, order.currency)), \(items) item\(items == 1 ? "" : "s")",
                at: order.placedAt, now: now)
        case .updated:
            return nil
        case .addressChanged:
            return touchpoint(
                .orderAddressChanged, order: order, direction: .internal,
                summary: "Order \(order.number) now ships to \(order.shippingAddress?.oneLine ?? "")", at: now, now: now)
        case .statusChanged(let previous, let date):
            return touchpoint(
                .order(order.status), order: order, direction: .internal,
                summary: "Order \(order.number) is now \(order.status.rawValue.replacingOccurrences(of: "_", with: " "))",
                at: date, now: now, extra: ["previous_status": .string(previous.rawValue)])
        case .fulfilled(let fulfillment):
            var summary = "Order \(order.number) shipped"
            if let carrier = fulfillment.carrier { summary += " with \(carrier)" }
            if let number = fulfillment.trackingNumber { summary += ", tracking \(number)" }
            var extra: [String: JSONValue] = ["fulfillment_id": .string(fulfillment.id)]
            if let url = fulfillment.trackingURL { extra["tracking_url"] = .string(url) }
            return touchpoint(.orderShipped, order: order, direction: .outbound, summary: summary, at: fulfillment.createdAt, now: now, extra: extra)
        case .refunded(let refund):
            return touchpoint(
                .orderRefunded, order: order, direction: .outbound,
                summary: "Refund of \(MoneyText.format(refund.amount, order.currency)) on order \(order.number)",
                at: refund.createdAt, now: now, extra: ["refund_id": .string(refund.id), "amount": .number(Double(refund.amount))])
        }
    }

    static func touchpoint(_ change: ReturnChange, at now: Date) -> Interaction {
        let (orderReturn, order) = (change.orderReturn, change.order)
        let summary = change.requested
            ? "Return requested on order \(order.number): \(orderReturn.reason)"
            : "Return on order \(order.number) \(orderReturn.status.rawValue)"
        return touchpoint(
            change.requested ? .returnRequested : .orderReturn(orderReturn.status), order: order,
            direction: change.requested ? .inbound : .internal, summary: summary, at: orderReturn.updatedAt, now: now,
            extra: ["return_id": .string(orderReturn.id)])
    }

    /// A touchpoint about `order` on its customer's timeline.
    private static func touchpoint(
        _ kind: InteractionKind, order: Order, direction: InteractionDirection, summary: String, at date: Date, now: Date,
        extra: [String: JSONValue] = [:]
    ) -> Interaction {
        var payload: [String: JSONValue] = [
            "order_id": .string(order.id), "number": .string(order.number), "status": .string(order.status.rawValue),
            "total": .number(Double(order.totals.total)), "currency": .string(order.currency),
        ]
        payload.merge(extra) { _, new in new }
        return Interaction(
            id: ResourceID.make(.interaction, at: now), workspaceID: order.workspaceID, customerID: order.customerID,
            channel: order.channel.interactionChannel, direction: direction, kind: kind, summary: summary,
            occurredAt: date, payload: .object(payload), createdAt: now)
    }
}
