import Foundation

/// An order as events carry it, amounts in minor units.
public struct OrderEventPayload: EventPayload {
    public static let version = 1

    public struct Line: Encodable, Sendable {
        public let discount: Int64
        public let id: String
        public let productID: String?
        public let quantity: Int
        public let sku: String?
        public let title: String
        public let total: Int64
        public let unitPrice: Int64
        public let variantID: String?
    }

    public struct Totals: Encodable, Sendable {
        public let discount: Int64
        public let refunded: Int64
        public let shipping: Int64
        public let subtotal: Int64
        public let tax: Int64
        public let total: Int64
    }

    public let cancelledAt: Date?
    public let channel: OrderChannel
    public let createdAt: Date
    public let currency: String
    public let customerID: String
    public let deliveredAt: Date?
    public let discountCodes: [String]
    public let email: String?
    public let externalID: String
    public let fulfilledAt: Date?
    public let fulfillments: [FulfillmentEventPayload]
    public let id: String
    public let lines: [Line]
    public let number: String
    public let object = "order"
    public let paidAt: Date?
    public let placedAt: Date
    public let shippingAddress: AddressEventPayload?
    public let source: String
    public let status: OrderStatus
    public let totals: Totals
    public let updatedAt: Date

    public init(order: Order) {
        cancelledAt = order.cancelledAt
        channel = order.channel
        createdAt = order.createdAt
        currency = order.currency
        customerID = order.customerID
        deliveredAt = order.deliveredAt
        discountCodes = order.discountCodes
        email = order.email
        externalID = order.externalID
        fulfilledAt = order.fulfilledAt
        fulfillments = order.fulfillments.map(FulfillmentEventPayload.init(fulfillment:))
        id = order.id
        lines = order.lines.map {
            Line(
                discount: $0.discount, id: $0.id, productID: $0.productID, quantity: $0.quantity, sku: $0.sku, title: $0.title,
                total: $0.total, unitPrice: $0.unitPrice, variantID: $0.variantID)
        }
        number = order.number
        paidAt = order.paidAt
        placedAt = order.placedAt
        shippingAddress = order.shippingAddress.map(AddressEventPayload.init)
        source = order.source
        status = order.status
        let totals = order.totals
        self.totals = Totals(
            discount: totals.discount, refunded: totals.refunded, shipping: totals.shipping, subtotal: totals.subtotal, tax: totals.tax,
            total: totals.total)
        updatedAt = order.updatedAt
    }
}
