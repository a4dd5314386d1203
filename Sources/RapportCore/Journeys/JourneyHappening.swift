import Foundation

/// Something that happened to a customer, as journeys listen for it: a domain change or a
/// tracked event, by the keys it answers to (`domain:order.status_changed`,
/// `domain:order.delivered`, `tracked:Checkout Started`, `segment_entered:seg_…`), with its
/// properties read only when a journey's filter asks.
public struct JourneyHappening: Sendable {
    public var workspaceID: String
    public var customerID: String
    public var keys: [String]
    /// The order it is about (an order's change, a return's), which an enrolment it lets in
    /// keeps: a post-purchase journey's review request asks about that order.
    public var orderID: String?
    public var properties: @Sendable () -> JSONValue

    public init(
        workspaceID: String, customerID: String, keys: [String], orderID: String? = nil, properties: @escaping @Sendable () -> JSONValue
    ) {
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.keys = keys
        self.orderID = orderID
        self.properties = properties
    }

    /// The key a journey's event answers to.
    public static func key(of event: JourneyEvent) -> String { "\(event.source.rawValue):\(event.name)" }
    static func segmentEnteredKey(_ segmentID: String) -> String { "segment_entered:\(segmentID)" }
    static func segmentLeftKey(_ segmentID: String) -> String { "segment_left:\(segmentID)" }
    static let conversationResolvedKey = "domain:conversation.resolved"

    /// A domain change as journeys see it; nil for one about no single customer.
    static func of(_ change: any DomainChange) -> JourneyHappening? {
        var keys = ["domain:\(change.eventType.rawValue)"]
        let customerID: String
        var orderID: String?
        switch change {
        case let change as CustomerChange:
            switch change.kind {
            case .created, .updated, .restored, .identityAdded: customerID = change.customer.id
            case .merged(let merge): customerID = merge.survivorID
            default: return nil
            }
        case let change as ConsentChange:
            customerID = change.entry.customerID
        case let change as OrderChange:
            customerID = change.order.customerID
            orderID = change.order.id
            if case .statusChanged = change.kind, change.order.status == .delivered { keys.append("domain:order.delivered") }
        case let change as ReturnChange:
            customerID = change.orderReturn.customerID
            orderID = change.orderReturn.orderID
        case let change as ConversationChange:
            customerID = change.conversation.customerID
            if change.conversation.status == .resolved, change.previous.map({ $0.status != .resolved }) ?? true {
                keys.append(conversationResolvedKey)
            }
        case let change as MessageChange:
            // A journey's own note is heard by no journey (a journey could otherwise feed itself).
            if change.message.author == .system, change.message.authorID?.hasPrefix(JourneyNote.author(journeyID: "")) == true { return nil }
            customerID = change.conversation.customerID
        case let change as InteractionChange:
            customerID = change.interaction.customerID
        case let change as ProductQuestionChange:
            customerID = change.customerID
        case let change as SurveyChange:
            customerID = change.survey.customerID
        case let change as LoyaltyEntryChange:
            customerID = change.entry.customerID
            orderID = change.entry.orderID
        case let change as LoyaltyExpiryNoticeChange:
            customerID = change.notice.customerID
        case let change as LoyaltyTierChange:
            customerID = change.state.customerID
        case let change as LeadEvent:
            customerID = change.lead.customerID
        case let change as SegmentMembershipChange:
            customerID = change.customerID
            keys.append(change.entered ? segmentEnteredKey(change.segmentID) : segmentLeftKey(change.segmentID))
        default:
            return nil
        }
        let payload = change.payload
        return JourneyHappening(workspaceID: change.workspaceID, customerID: customerID, keys: keys, orderID: orderID) {
            (try? JSONParser.parse(Array(payload.json.utf8))) ?? .object([:])
        }
    }

    /// A tracked event of a known customer as journeys see it.
    static func of(_ event: TrackedEvent) -> JourneyHappening? {
        guard let customerID = event.customerID else { return nil }
        let properties = event.properties
        return JourneyHappening(workspaceID: event.workspaceID, customerID: customerID, keys: ["tracked:\(event.name ?? event.type.rawValue)"]) {
            (try? JSONParser.parse(Array(properties.utf8))) ?? .object([:])
        }
    }
}
