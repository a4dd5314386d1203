/// A customer's points as the API and their page show them: the balance, what is pending, the
/// tier, a page of the ledger and the points about to expire.
public struct LoyaltyAccount: Sendable {
    public var customerID: String
    public var balance: LoyaltyBalance
    public var tier: LoyaltyTier?
    /// The next tier above the one held (`pointsToNextTier` still reach it).
    public var nextTier: LoyaltyTier?
    /// What the tier is judged by (`LoyaltyProgram.tierPoints`).
    public var tierPoints: LoyaltyTierPoints
    public var entries: Page<LoyaltyEntry>
    /// The usable points that expire next, and by when; nil when none are about to.
    public var expiring: LoyaltyExpiryForecast?

    public init(
        customerID: String, balance: LoyaltyBalance, tier: LoyaltyTier?, nextTier: LoyaltyTier?, entries: Page<LoyaltyEntry>,
        expiring: LoyaltyExpiryForecast? = nil, tierPoints: LoyaltyTierPoints? = nil
    ) {
        self.customerID = customerID
        self.balance = balance
        self.tier = tier
        self.nextTier = nextTier
        self.entries = entries
        self.expiring = expiring
        self.tierPoints = tierPoints ?? LoyaltyTierPoints(current: balance.qualifying, held: balance.qualifying)
    }

    /// Whether the tier is held by the grace period: the window's points now are below it.
    public var tierInGrace: Bool {
        tier.map { tierPoints.current < $0.minimumPoints } ?? false
    }

    /// The points the window (or every order) still has to count to reach the next tier.
    public var pointsToNextTier: Int64? {
        nextTier.map { $0.minimumPoints - tierPoints.current }
    }
}
