import Foundation

/// A reward a customer took for their points: the discount code the shop honours, what it
/// gives (a copy of the reward as it was), the points it cost, until when it is valid, and the
/// order that used it. A code is used once; one past `expiresAt` and unused is expired (its
/// points are not given back: the customer chose the reward and had it for the whole time).
public struct LoyaltyRewardCode: Sendable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case issued
        case used
        case expired
    }

    public var id: String
    public var workspaceID: String
    public var customerID: String
    public var code: String
    public var reward: LoyaltyReward
    public var points: Int64
    /// The ledger entry that spent the points.
    public var entryID: String
    public var issuedBy: String
    public var issuedAt: Date
    public var expiresAt: Date
    public var usedAt: Date?
    public var orderID: String?

    public init(
        id: String, workspaceID: String, customerID: String, code: String, reward: LoyaltyReward, points: Int64, entryID: String, issuedBy: String,
        issuedAt: Date, expiresAt: Date, usedAt: Date? = nil, orderID: String? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.code = code
        self.reward = reward
        self.points = points
        self.entryID = entryID
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
        self.orderID = orderID
    }

    /// The last day (UTC) the code can be used all day long: the day before the moment it
    /// expires, so a customer told "valid until" that day is never refused on it.
    public var lastWholeDay: Date { expiresAt.addingTimeInterval(-86_400) }

    /// Used once an order carried it; else expired past `expiresAt`; else issued.
    public func status(at now: Date) -> Status {
        if usedAt != nil { return .used }
        return now >= expiresAt ? .expired : .issued
    }
}
