/// A reward's discount code was issued (`loyalty.reward_issued`: the shop's integration creates
/// the code on its side from this event) or an order used it (`loyalty.reward_used`).
public struct LoyaltyRewardChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case issued
        case used
    }

    public var kind: Kind
    public var code: LoyaltyRewardCode

    public init(_ kind: Kind, _ code: LoyaltyRewardCode) {
        self.kind = kind
        self.code = code
    }

    public var eventType: DomainEventType { kind == .issued ? .loyaltyRewardIssued : .loyaltyRewardUsed }
    public var workspaceID: String { code.workspaceID }
    public var subjectID: String { code.id }
    public var payload: any EventPayload { LoyaltyRewardEventPayload(code) }
}
