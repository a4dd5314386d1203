import Foundation

/// A shipment of an order, as events carry it.
public struct FulfillmentEventPayload: EventPayload {
    public static let version = 1

    public let carrier: String?
    public let createdAt: Date
    public let deliveredAt: Date?
    public let externalID: String?
    public let id: String
    public let object = "fulfillment"
    public let orderID: String
    public let trackingNumber: String?
    public let trackingURL: String?

    public init(fulfillment: Fulfillment) {
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
