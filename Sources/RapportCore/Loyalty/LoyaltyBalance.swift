/// A customer's points as the ledger sums them: usable, pending, and qualifying for tiers.
/// Kept in one row updated with every entry, and rebuilt from the ledger on demand.
public struct LoyaltyBalance: Sendable, Equatable {
    public var customerID: String
    public var balance: Int64
    public var pending: Int64
    public var qualifying: Int64

    public init(customerID: String, balance: Int64 = 0, pending: Int64 = 0, qualifying: Int64 = 0) {
        self.customerID = customerID
        self.balance = balance
        self.pending = pending
        self.qualifying = qualifying
    }
}
