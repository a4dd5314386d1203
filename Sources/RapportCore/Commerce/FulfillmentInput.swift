import Foundation

/// A shipment as a caller or shop reports it.
public struct FulfillmentInput: Sendable, Equatable {
    public var carrier: String?
    public var trackingNumber: String?
    public var trackingURL: String?
    public var externalID: String?
    public var shippedAt: Date?
    public var deliveredAt: Date?

    public init(
        carrier: String? = nil, trackingNumber: String? = nil, trackingURL: String? = nil, externalID: String? = nil,
        shippedAt: Date? = nil, deliveredAt: Date? = nil
    ) {
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.trackingURL = trackingURL
        self.externalID = externalID
        self.shippedAt = shippedAt
        self.deliveredAt = deliveredAt
    }
}
