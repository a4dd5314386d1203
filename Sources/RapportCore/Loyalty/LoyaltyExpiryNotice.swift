import Foundation

/// A customer told that usable points expire soon (`loyalty.points_expiring`): how many, by when.
/// One is kept per customer, the latest, so the next is told only when it is due.
public struct LoyaltyExpiryNotice: Sendable, Equatable {
    public var workspaceID: String
    public var customerID: String
    public var points: Int64
    /// The first moment the points are gone.
    public var expiresBy: Date
    /// Set for points expiring a number of days after they were given (any day up to
    /// `expiresBy`); nil when they all go at `expiresBy` (a year's end).
    public var withinDays: Int?
    public var notifiedAt: Date

    public init(workspaceID: String, customerID: String, points: Int64, expiresBy: Date, withinDays: Int?, notifiedAt: Date) {
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.points = points
        self.expiresBy = expiresBy
        self.withinDays = withinDays
        self.notifiedAt = notifiedAt
    }

    /// How far ahead points are announced, and the least time between two notices to one customer.
    public static let noticeDays = LoyaltyProgram.expiryNoticeDays

    /// Whether a customer with points expiring by `by` is told now, after `last`: once the
    /// notice period before `by` has begun, and not again for the same moment nor within the
    /// notice period of the last notice (points expiring a number of days after they were given
    /// go every day; a notice a month is enough).
    public static func isDue(by: Date, last: LoyaltyExpiryNotice?, at now: Date) -> Bool {
        let period = Double(noticeDays) * 86_400
        guard now >= by.addingTimeInterval(-period) else { return false }
        guard let last else { return true }
        return last.expiresBy < by && now.timeIntervalSince(last.notifiedAt) >= period
    }
}
