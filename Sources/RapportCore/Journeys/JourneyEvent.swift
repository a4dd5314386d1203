/// An event a journey listens for (to let someone in, to end a wait, as its goal): a domain
/// event by its type (`order.status_changed`, or a derived one such as `order.delivered`) or
/// a tracked event by its name (`Checkout Started`), with filters on its properties.
public struct JourneyEvent: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable {
        /// Rapport's own events (`DomainEventType`, and `derivedNames`).
        case domain
        /// Events the shop sends to the tracking API, by name.
        case tracked
    }

    /// Domain events a journey may name besides `DomainEventType`'s: a change seen for what it
    /// means. An order's status changing to delivered; a conversation becoming resolved.
    public static let derivedNames: Set<String> = ["order.delivered", "conversation.resolved"]

    /// The domain events a journey may name: those about one customer (not a product's, a
    /// shop's or an inbox's, and not a customer's deletion or erasure, after which nothing
    /// may be sent), and the derived ones.
    public static let domainNames: Set<String> = Set([
        DomainEventType.customerCreated, .customerUpdated, .customerRestored, .customerIdentityAdded, .customerMerged, .consentChanged,
        .interactionRecorded, .orderCreated, .orderUpdated, .orderStatusChanged, .orderFulfilled, .orderRefunded, .returnRequested,
        .returnStatusChanged, .conversationCreated, .conversationUpdated, .conversationSLABreached, .conversationProductAsked, .messageCreated, .segmentEntered, .segmentLeft,
        .surveySent, .surveyAnswered, .loyaltyPointsChanged, .loyaltyPointsExpiring, .loyaltyTierChanged,
        .leadCreated, .leadStatusChanged, .leadConverted, .leadScoreCrossed,
    ].map(\.rawValue)).union(derivedNames)

    /// Where the event comes from.
    public var source: Source
    /// Its type (`order.delivered`) or tracked name (`Checkout Started`).
    public var name: String
    /// Every one must hold for the event's properties.
    public var filters: [JourneyPropertyFilter]

    public init(source: Source, name: String, filters: [JourneyPropertyFilter] = []) {
        self.source = source
        self.name = name
        self.filters = filters
    }

    /// Whether an event with these properties passes every filter.
    public func matches(_ properties: JSONValue) -> Bool {
        filters.allSatisfy { $0.holds(for: properties) }
    }
}
