import Foundation

/// A friend who came with a customer's code, and what came of it.
public struct Referral: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var code: String
    public var referrerID: String
    public var friendID: String
    public var status: ReferralStatus
    public var flags: [ReferralFlag]
    /// The friend's first order, once they placed it.
    public var orderID: String?
    public var paymentFingerprint: String?
    public var rejectionReason: String?
    /// Who recorded it (the shop's API key, a user).
    public var recordedBy: String
    public var reviewedBy: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var rewardedAt: Date?
    /// When the sweep looks at a pending referral next.
    public var checkAfter: Date?

    public init(
        id: String, workspaceID: String, code: String, referrerID: String, friendID: String, status: ReferralStatus, flags: [ReferralFlag] = [],
        orderID: String? = nil, paymentFingerprint: String? = nil, rejectionReason: String? = nil, recordedBy: String, reviewedBy: String? = nil,
        createdAt: Date, updatedAt: Date, rewardedAt: Date? = nil, checkAfter: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.code = code
        self.referrerID = referrerID
        self.friendID = friendID
        self.status = status
        self.flags = flags
        self.orderID = orderID
        self.paymentFingerprint = paymentFingerprint
        self.rejectionReason = rejectionReason
        self.recordedBy = recordedBy
        self.reviewedBy = reviewedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.rewardedAt = rewardedAt
        self.checkAfter = checkAfter
    }
}
