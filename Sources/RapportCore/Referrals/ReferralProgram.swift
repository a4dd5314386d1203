import Foundation

/// A workspace's referral programme: what a referred friend's first order earns both sides
/// (loyalty points), the least that order must come to, how long after its delivery it must
/// stand (not cancelled, not refunded) before the reward, how many friends one code may bring
/// before its uses look like a coupon site's, and the shop page a referral link opens.
public struct ReferralProgram: Sendable, Equatable {
    public static let maximumPoints: Int64 = 1_000_000
    public static let maximumDays = 365

    public var workspaceID: String
    public var enabled: Bool
    public var referrerPoints: Int64
    public var friendPoints: Int64
    /// In minor units of the order's currency; 0: any order.
    public var minimumOrderAmount: Int64
    public var qualifyingDays: Int
    public var maximumUsesPerCode: Int
    /// The shop's page a link opens, with the code added as `?ref=` (or `&ref=`); nil: codes only.
    public var landingURL: String?
    public var updatedAt: Date

    public init(
        workspaceID: String, enabled: Bool = true, referrerPoints: Int64 = 500, friendPoints: Int64 = 500, minimumOrderAmount: Int64 = 0,
        qualifyingDays: Int = 14, maximumUsesPerCode: Int = 25, landingURL: String? = nil, updatedAt: Date
    ) {
        self.workspaceID = workspaceID
        self.enabled = enabled
        self.referrerPoints = referrerPoints
        self.friendPoints = friendPoints
        self.minimumOrderAmount = minimumOrderAmount
        self.qualifyingDays = qualifyingDays
        self.maximumUsesPerCode = maximumUsesPerCode
        self.landingURL = landingURL
        self.updatedAt = updatedAt
    }

    /// The link a customer shares: the landing page with their code.
    public func link(code: String) -> String? {
        guard let landingURL else { return nil }
        return landingURL + (landingURL.contains("?") ? "&" : "?") + "ref=" + code
    }
}
