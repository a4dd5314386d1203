import Foundation

/// A stored tracking call: behaviour for the timeline, recommendations and journeys.
public struct TrackedEvent: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var messageID: String
    public var type: TrackedEventType
    /// The event, page or screen name.
    public var name: String?
    public var anonymousID: String?
    public var userID: String?
    /// The customer it belongs to; nil until an anonymous visitor is identified.
    public var customerID: String?
    /// The product an e-commerce event is about (`product_id`, else `sku`).
    public var productRef: String?
    /// JSON text of the properties (or traits) and of the context.
    public var properties: String
    public var context: String
    public var occurredAt: Date
    public var receivedAt: Date

    public init(
        id: String, workspaceID: String, messageID: String, type: TrackedEventType, name: String?,
        anonymousID: String?, userID: String?, customerID: String?, productRef: String?, properties: String,
        context: String, occurredAt: Date, receivedAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.messageID = messageID
        self.type = type
        self.name = name
        self.anonymousID = anonymousID
        self.userID = userID
        self.customerID = customerID
        self.productRef = productRef
        self.properties = properties
        self.context = context
        self.occurredAt = occurredAt
        self.receivedAt = receivedAt
    }
}
