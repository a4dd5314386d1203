import Foundation

/// An order arrived, changed, moved to another status, shipped, was refunded or got a new
/// address. The event carries the order as the API shows it, or for a status change, a
/// shipment and a refund, what changed.
public struct OrderChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case updated
        case addressChanged
        /// From the status it had; `at` is when it moved (a delivery may be reported late).
        case statusChanged(from: OrderStatus, at: Date)
        case fulfilled(Fulfillment)
        case refunded(Refund)
    }

    public var kind: Kind
    public var order: Order

    public init(_ kind: Kind, _ order: Order) {
        self.kind = kind
        self.order = order
    }

    public var eventType: DomainEventType {
        switch kind {
        case .created: .orderCreated
        case .updated, .addressChanged: .orderUpdated
        case .statusChanged: .orderStatusChanged
        case .fulfilled: .orderFulfilled
        case .refunded: .orderRefunded
        }
    }

    public var workspaceID: String { order.workspaceID }
    public var subjectID: String { order.id }

    public var payloadJSON: String {
        var writer = JSONWriter()
        switch kind {
        case .created, .updated, .addressChanged:
            OrderDocument.write(order, to: &writer)
        case .statusChanged(let previous, _):
            writer.beginObject()
            writer.key("from"); writer.string(previous.rawValue)
            writer.key("number"); writer.string(order.number)
            writer.key("order_id"); writer.string(order.id)
            writer.key("to"); writer.string(order.status.rawValue)
            writer.endObject()
        case .fulfilled(let fulfillment):
            OrderDocument.write(fulfillment, to: &writer)
        case .refunded(let refund):
            writer.beginObject()
            writer.key("amount"); writer.integer(refund.amount)
            writer.key("currency"); writer.string(order.currency)
            writer.key("id"); writer.string(refund.id)
            writer.key("order_id"); writer.string(order.id)
            writer.key("reason"); writer.string(refund.reason)
            writer.key("refunded_total"); writer.integer(order.totals.refunded)
            writer.key("source"); writer.string(refund.source)
            writer.endObject()
        }
        return writer.text
    }
}
