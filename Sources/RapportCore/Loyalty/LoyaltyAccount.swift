/// A customer's points as the API and their page show them: the balance, what is pending, the
/// tier, and a page of the ledger.
public struct LoyaltyAccount: Sendable {
    public var customerID: String
    public var balance: LoyaltyBalance
    public var tier: LoyaltyTier?
    /// The next tier and the points still needed to reach it.
    public var nextTier: LoyaltyTier?
    public var entries: Page<LoyaltyEntry>

    public init(customerID: String, balance: LoyaltyBalance, tier: LoyaltyTier?, nextTier: LoyaltyTier?, entries: Page<LoyaltyEntry>) {
        self.customerID = customerID
        self.balance = balance
        self.tier = tier
        self.nextTier = nextTier
        self.entries = entries
    }
}
