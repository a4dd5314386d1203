/// A customer's points as the API and their page show them: the balance, what is pending, the
/// tier, a page of the ledger and the points about to expire.
public struct LoyaltyAccount: Sendable {
    public var customerID: String
    public var balance: LoyaltyBalance
    public var tier: LoyaltyTier?
    /// The next tier above the one held (`toNextTier` still reaches it).
    public var nextTier: LoyaltyTier?
    /// What the tier is judged by (`LoyaltyProgram.tierPoints`): points, or minor units of spend.
    public var tierPoints: LoyaltyTierPoints
    public var tierMeasure: LoyaltyTierMeasure
    /// With spend: the currency the tiers count.
    public var tierCurrency: String?
    public var entries: Page<LoyaltyEntry>
    /// The usable points that expire next, and by when; nil when none are about to.
    public var expiring: LoyaltyExpiryForecast?

    public init(
        customerID: String, balance: LoyaltyBalance, tier: LoyaltyTier?, nextTier: LoyaltyTier?, entries: Page<LoyaltyEntry>,
        expiring: LoyaltyExpiryForecast? = nil, tierPoints: LoyaltyTierPoints? = nil, tierMeasure: LoyaltyTierMeasure = .points,
        tierCurrency: String? = nil
    ) {
        self.customerID = customerID
        self.balance = balance
        self.tier = tier
        self.nextTier = nextTier
        self.entries = entries
        self.expiring = expiring
        self.tierPoints = tierPoints ?? LoyaltyTierPoints(current: balance.qualifying, held: balance.qualifying)
        self.tierMeasure = tierMeasure
        self.tierCurrency = tierCurrency
    }

    /// Whether the tier is held by the grace period: the window's points now are below it.
    public var tierInGrace: Bool {
        tier.map { tierPoints.current < $0.minimum } ?? false
    }

    /// What the window (or every order) still has to count to reach the next tier: points, or
    /// minor units of spend.
    public var toNextTier: Int64? {
        nextTier.map { $0.minimum - tierPoints.current }
    }
}
