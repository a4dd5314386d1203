import Foundation

/// The payload of `loyalty.points_expiring`: whose points, how many, the first moment they are
/// gone, and `within_days` when they go any day before it (null when all at once, a year's end).
public struct LoyaltyExpiryNoticeEventPayload: EventPayload {
    public static let version = 1
    public var customerID: String
    public var expiresBy: Date
    public var points: Int64
    public var withinDays: Int?

    init(_ notice: LoyaltyExpiryNotice) {
        customerID = notice.customerID
        expiresBy = notice.expiresBy
        points = notice.points
        withinDays = notice.withinDays
    }
}
