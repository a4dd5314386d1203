import Foundation

/// One line of a customer's points ledger. Entries are never changed or removed: a correction
/// is another entry. `points` moves the usable balance, `pendingPoints` the points waiting for
/// the returns window; a release moves points from one to the other.
public struct LoyaltyEntry: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var kind: LoyaltyEntryKind
    public var points: Int64
    public var pendingPoints: Int64
    /// In words, for the customer's page and the team (`Order 1001 refunded: 40.00 EUR of 129.99 EUR`).
    public var reason: String
    public var orderID: String?
    /// What made the entry, once: `order:{id}:earned:{points}`, `order:{id}:reversed:{points}`,
    /// `redeem:{entry id}`. A replayed webhook or a retried job writes the same origin, which is
    /// unique, so it is written once.
    public var origin: String
    /// Who made an entry by hand (`user:usr_…`); nil for the programme's rules.
    public var actor: String?
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, customerID: String, kind: LoyaltyEntryKind, points: Int64, pendingPoints: Int64 = 0,
        reason: String, orderID: String? = nil, origin: String, actor: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.kind = kind
        self.points = points
        self.pendingPoints = pendingPoints
        self.reason = reason
        self.orderID = orderID
        self.origin = origin
        self.actor = actor
        self.createdAt = createdAt
    }

    /// How much the entry adds to the points that count for tiers: earned less reversed.
    public var qualifyingPoints: Int64 {
        kind == .earn || kind == .reverse ? points + pendingPoints : 0
    }
}
