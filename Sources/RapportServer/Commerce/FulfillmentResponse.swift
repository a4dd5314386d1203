import Foundation
import RapportCore

/// A shipment of an order.
struct FulfillmentResponse: Encodable {
    let carrier: String?
    let createdAt: Date
    let deliveredAt: Date?
    let externalID: String?
    let id: String
    let object = "fulfillment"
    let orderID: String
    let trackingNumber: String?
    let trackingURL: String?

    init(fulfillment: Fulfillment) {
        carrier = fulfillment.carrier
        createdAt = fulfillment.createdAt
        deliveredAt = fulfillment.deliveredAt
        externalID = fulfillment.externalID
        id = fulfillment.id
        orderID = fulfillment.orderID
        trackingNumber = fulfillment.trackingNumber
        trackingURL = fulfillment.trackingURL
    }
}
