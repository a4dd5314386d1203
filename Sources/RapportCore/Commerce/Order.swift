import Foundation

/// An order: who bought what, for how much, where it stands and how it ships.
public struct Order: Sendable, Equatable, Codable {
    public var id: String
    public var workspaceID: String
    public var customerID: String
    /// The number people use (`1001`, `#1001`); unique per source.
    public var number: String
    /// The system the order came from (`shopify`, `woocommerce`, `api`, `cdnow`…) and its id there.
    public var source: String
    public var externalID: String
    public var status: OrderStatus
    public var channel: OrderChannel
    /// ISO 4217, upper case.
    public var currency: String
    public var lines: [OrderLine]
    public var totals: OrderTotals
    public var discountCodes: [String]
    public var shippingAddress: Address?
    /// The e-mail and postcode the order was placed with, which the bot checks before it
    /// tells anyone about the order.
    public var email: String?
    public var fulfillments: [Fulfillment]
    public var placedAt: Date
    public var paidAt: Date?
    public var fulfilledAt: Date?
    public var deliveredAt: Date?
    public var cancelledAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    /// When the shop last changed the order, as its newest report said: an older report that
    /// arrives later (webhooks are not delivered in order) changes nothing.
    public var sourceUpdatedAt: Date?

    public init(
        id: String, workspaceID: String, customerID: String, number: String, source: String, externalID: String,
        status: OrderStatus, channel: OrderChannel, currency: String, lines: [OrderLine], totals: OrderTotals,
        discountCodes: [String], shippingAddress: Address?, email: String?, fulfillments: [Fulfillment],
        placedAt: Date, paidAt: Date? = nil, fulfilledAt: Date? = nil, deliveredAt: Date? = nil,
        cancelledAt: Date? = nil, createdAt: Date, updatedAt: Date, sourceUpdatedAt: Date? = nil
    ) {
        self.sourceUpdatedAt = sourceUpdatedAt
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.number = number
        self.source = source
        self.externalID = externalID
        self.status = status
        self.channel = channel
        self.currency = currency
        self.lines = lines
        self.totals = totals
        self.discountCodes = discountCodes
        self.shippingAddress = shippingAddress
        self.email = email
        self.fulfillments = fulfillments
        self.placedAt = placedAt
        self.paidAt = paidAt
        self.fulfilledAt = fulfilledAt
        self.deliveredAt = deliveredAt
        self.cancelledAt = cancelledAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Records the moment the order reached `status`, for the first time only.
    mutating func stamp(_ status: OrderStatus, at date: Date) {
        switch status {
        case .paid: paidAt = paidAt ?? date
        case .fulfilled: fulfilledAt = fulfilledAt ?? date
        case .delivered: deliveredAt = deliveredAt ?? date
        case .cancelled: cancelledAt = cancelledAt ?? date
        case .pending, .refunded, .partiallyRefunded: break
        }
    }
}
