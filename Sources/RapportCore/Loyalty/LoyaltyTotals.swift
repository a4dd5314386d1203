/// The programme at a glance, from the balance rows: how many customers hold points, the
/// points the shop owes (usable, and pending the returns window), how many are below zero
/// (points taken back after they were spent), and how many reach each tier (from the balance
/// rows when tiers count points over every order, else from the orders).
public struct LoyaltyTotals: Sendable, Equatable {
    /// Customers with any points on record (usable, pending or qualifying).
    public var members: Int
    /// Usable points of balances above zero: what customers can still spend.
    public var usablePoints: Int64
    public var pendingPoints: Int64
    public var belowZero: Int
    /// For each tier, in the same order: customers whose count reaches it (their qualifying
    /// points from the balance rows; over a window or by spend, what `LoyaltyService.totals`
    /// counts of their orders).
    public var reaching: [Int]

    public init(members: Int, usablePoints: Int64, pendingPoints: Int64, belowZero: Int, reaching: [Int]) {
        self.members = members
        self.usablePoints = usablePoints
        self.pendingPoints = pendingPoints
        self.belowZero = belowZero
        self.reaching = reaching
    }
}
