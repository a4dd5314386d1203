import Foundation
import RapportCore

/// An order as the API shows it, amounts in minor units.
struct OrderResponse: Encodable {
    struct Line: Encodable {
        let discount: Int64
        let id: String
        let productID: String?
        let quantity: Int
        let sku: String?
        let title: String
        let total: Int64
        let unitPrice: Int64
        let variantID: String?
    }

    struct Totals: Encodable {
        let discount: Int64
        let refunded: Int64
        let shipping: Int64
        let subtotal: Int64
        let tax: Int64
        let total: Int64
    }

    let cancelledAt: Date?
    let channel: OrderChannel
    let createdAt: Date
    let currency: String
    let customerID: String
    let deliveredAt: Date?
    let discountCodes: [String]
    let email: String?
    let externalID: String
    let fulfilledAt: Date?
    let fulfillments: [FulfillmentResponse]
    let id: String
    let lines: [Line]
    let number: String
    let object = "order"
    let paidAt: Date?
    let placedAt: Date
    let shippingAddress: AddressResponse?
    let source: String
    let status: OrderStatus
    let totals: Totals
    let updatedAt: Date

    init(order: Order) {
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
        fulfillments = order.fulfillments.map(FulfillmentResponse.init(fulfillment:))
        id = order.id
        lines = order.lines.map {
            Line(
                discount: $0.discount, id: $0.id, productID: $0.productID, quantity: $0.quantity, sku: $0.sku, title: $0.title,
                total: $0.total, unitPrice: $0.unitPrice, variantID: $0.variantID)
        }
        number = order.number
        paidAt = order.paidAt
        placedAt = order.placedAt
        shippingAddress = order.shippingAddress.map(AddressResponse.init)
        source = order.source
        status = order.status
        let totals = order.totals
        self.totals = Totals(
            discount: totals.discount, refunded: totals.refunded, shipping: totals.shipping, subtotal: totals.subtotal, tax: totals.tax,
            total: totals.total)
        updatedAt = order.updatedAt
    }
}
