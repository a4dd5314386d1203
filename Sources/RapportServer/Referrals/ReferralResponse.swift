import Foundation
import RapportCore

/// A referral as the API shows it.
struct ReferralResponse: Encodable {
    let object = "referral"
    let id: String
    let code: String
    let referrerId: String
    let friendId: String
    let status: String
    let flags: [String]
    let orderId: String?
    let paymentFingerprint: String?
    let rejectionReason: String?
    let recordedBy: String
    let reviewedBy: String?
    let createdAt: String
    let rewardedAt: String?

    init(_ referral: Referral) {
        id = referral.id
        code = referral.code
        referrerId = referral.referrerID
        friendId = referral.friendID
        status = referral.status.rawValue
        flags = referral.flags.map(\.rawValue)
        orderId = referral.orderID
        paymentFingerprint = referral.paymentFingerprint
        rejectionReason = referral.rejectionReason
        recordedBy = referral.recordedBy
        reviewedBy = referral.reviewedBy
        createdAt = Timestamp.iso8601(referral.createdAt)
        rewardedAt = referral.rewardedAt.map(Timestamp.iso8601)
    }
}
