import Foundation

/// A shipment of (part of) an order, with the carrier's tracking details.
public struct Fulfillment: Sendable, Equatable, Codable {
    public var id: String
    public var orderID: String
    public var carrier: String?
    public var trackingNumber: String?
    public var trackingURL: String?
    /// The id the shop gave this shipment, so a repeated webhook does not add it twice.
    public var externalID: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    // The stored JSON uses snake_case (`order_id`), which decodes to `orderId`, not `orderID`.
    enum CodingKeys: String, CodingKey {
        case id, carrier, trackingNumber, createdAt, deliveredAt
        case orderID = "orderId", trackingURL = "trackingUrl", externalID = "externalId"
    }

    public init(
        id: String, orderID: String, carrier: String?, trackingNumber: String?, trackingURL: String?,
        externalID: String?, createdAt: Date, deliveredAt: Date? = nil
    ) {
        self.id = id
        self.orderID = orderID
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.trackingURL = trackingURL
        self.externalID = externalID
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}
