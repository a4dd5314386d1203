/// Money went back to the customer for an order, with what the order has refunded in all.
public struct RefundEventPayload: EventPayload {
    public static let version = 1

    public let amount: Int64
    public let currency: String
    public let id: String
    public let orderID: String
    public let reason: String?
    public let refundedTotal: Int64
    public let source: String

    public init(_ refund: Refund, of order: Order) {
        amount = refund.amount
        currency = order.currency
        id = refund.id
        orderID = order.id
        reason = refund.reason
        refundedTotal = order.totals.refunded
        source = refund.source
    }
}
