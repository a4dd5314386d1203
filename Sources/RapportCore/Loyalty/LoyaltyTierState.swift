import Foundation

/// The tier a customer was last told they hold (`loyalty.tier_changed`), kept one per customer
/// so the next announcement says only what changed since; nil `tier`: below the first.
public struct LoyaltyTierState: Sendable, Equatable {
    public var workspaceID: String
    public var customerID: String
    public var tier: String?
    public var changedAt: Date

    public init(workspaceID: String, customerID: String, tier: String?, changedAt: Date) {
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.tier = tier
        self.changedAt = changedAt
    }
}
