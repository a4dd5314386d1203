/// A customer's tier changed since they were last told (`loyalty.tier_changed`), for webhooks
/// and journeys ("you reached Gold"; "keep your Gold: …").
public struct LoyaltyTierChange: DomainChange {
    public var state: LoyaltyTierState
    public var previousTier: String?
    /// The tier is above the previous one (or the first reached), not below it.
    public var upward: Bool

    public init(_ state: LoyaltyTierState, previousTier: String?, upward: Bool) {
        self.state = state
        self.previousTier = previousTier
        self.upward = upward
    }

    public var eventType: DomainEventType { .loyaltyTierChanged }
    public var workspaceID: String { state.workspaceID }
    public var subjectID: String { state.customerID }
    public var payload: any EventPayload { LoyaltyTierChangeEventPayload(self) }
}
