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

    public var payload: any EventPayload {
        switch kind {
        case .created, .updated, .addressChanged: OrderEventPayload(order: order)
        case .statusChanged(let previous, _): OrderStatusChangeEventPayload(from: previous, order: order)
        case .fulfilled(let fulfillment): FulfillmentEventPayload(fulfillment: fulfillment)
        case .refunded(let refund): RefundEventPayload(refund, of: order)
        }
    }
}
