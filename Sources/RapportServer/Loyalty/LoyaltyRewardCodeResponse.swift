import Foundation
import RapportCore

/// A reward a customer took: its discount code, what it gives, the points it cost, and whether
/// it is `issued`, `used` (by `order_id`) or `expired`.
struct LoyaltyRewardCodeResponse: Encodable {
    let object = "loyalty_reward_code"
    let id: String
    let customerId: String
    let code: String
    let reward: LoyaltyRewardResponse
    let points: Int64
    let status: String
    let entryId: String
    let issuedBy: String
    let issuedAt: String
    let expiresAt: String
    let usedAt: String?
    let orderId: String?

    init(_ code: LoyaltyRewardCode, now: Date) {
        id = code.id
        customerId = code.customerID
        self.code = code.code
        reward = LoyaltyRewardResponse(code.reward)
        points = code.points
        status = code.status(at: now).rawValue
        entryId = code.entryID
        issuedBy = code.issuedBy
        issuedAt = Timestamp.iso8601(code.issuedAt)
        expiresAt = Timestamp.iso8601(code.expiresAt)
        usedAt = code.usedAt.map(Timestamp.iso8601)
        orderId = code.orderID
    }
}
