import Foundation

/// The payload of `loyalty.reward_issued` and `loyalty.reward_used`: the code and what it
/// gives, so a shop's integration can create it (Shopify's price rules, a WooCommerce coupon)
/// valid until `expires_at` and for one use.
public struct LoyaltyRewardEventPayload: EventPayload {
    public static let version = 1
    public var rewardCodeID: String
    public var customerID: String
    public var code: String
    public var reward: String
    public var name: String
    public var kind: String
    public var amount: Int64?
    public var currency: String?
    public var percent: Int?
    public var sku: String?
    public var points: Int64
    public var expiresAt: Date
    public var orderID: String?

    init(_ code: LoyaltyRewardCode) {
        rewardCodeID = code.id
        customerID = code.customerID
        self.code = code.code
        reward = code.reward.key
        name = code.reward.name
        kind = code.reward.kind.rawValue
        amount = code.reward.amount
        currency = code.reward.currency
        percent = code.reward.percent
        sku = code.reward.sku
        points = code.points
        expiresAt = code.expiresAt
        orderID = code.orderID
    }
}
