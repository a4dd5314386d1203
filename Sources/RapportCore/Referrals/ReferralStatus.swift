/// Where a referral stands: waiting for the friend's first order to qualify, held for a
/// person to look at (a fraud flag), rewarded, or rejected (with the reason).
public enum ReferralStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case flagged
    case rewarded
    case rejected
}
