import Foundation

/// One customer's orders in the store's main currency, cancelled ones left out: when each was
/// placed (in any order) and their spend net of refunds — the RFM inputs and the cohort months.
public struct CustomerPurchases: Sendable, Equatable {
    public var customerID: String
    public var placedAt: [Date]
    /// Minor units, less refunds.
    public var monetary: Int64

    public init(customerID: String, placedAt: [Date], monetary: Int64) {
        self.customerID = customerID
        self.placedAt = placedAt
        self.monetary = monetary
    }

    public var orders: Int { placedAt.count }
    public var firstOrderAt: Date { placedAt.min() ?? .distantPast }
    public var lastOrderAt: Date { placedAt.max() ?? .distantPast }
    public var activeMonths: ActiveMonths { ActiveMonths(orders: placedAt) }
}
