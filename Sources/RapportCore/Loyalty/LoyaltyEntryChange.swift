/// An entry joined a customer's points ledger (`loyalty.points_changed`), for webhooks and
/// journeys ("you earned 129 points", "your points expire soon" after an expiry of others).
public struct LoyaltyEntryChange: DomainChange {
    public var entry: LoyaltyEntry

    public init(_ entry: LoyaltyEntry) {
        self.entry = entry
    }

    public var eventType: DomainEventType { .loyaltyPointsChanged }
    public var workspaceID: String { entry.workspaceID }
    public var subjectID: String { entry.id }
    public var payload: any EventPayload { LoyaltyEntryEventPayload(entry) }
}
