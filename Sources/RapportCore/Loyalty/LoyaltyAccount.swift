/// A customer's points as the API and their page show them: the balance, what is pending, the
/// tier, a page of the ledger and the points about to expire.
public struct LoyaltyAccount: Sendable {
    public var customerID: String
    public var balance: LoyaltyBalance
    public var tier: LoyaltyTier?
    /// The next tier and the points still needed to reach it.
    public var nextTier: LoyaltyTier?
    public var entries: Page<LoyaltyEntry>
    /// The usable points that expire next, and by when; nil when none are about to.
    public var expiring: LoyaltyExpiryForecast?

    public init(
        customerID: String, balance: LoyaltyBalance, tier: LoyaltyTier?, nextTier: LoyaltyTier?, entries: Page<LoyaltyEntry>,
        expiring: LoyaltyExpiryForecast? = nil
    ) {
        self.customerID = customerID
        self.balance = balance
        self.tier = tier
        self.nextTier = nextTier
        self.entries = entries
        self.expiring = expiring
    }
}
