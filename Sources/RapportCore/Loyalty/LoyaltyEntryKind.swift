/// Why a ledger entry moved points: an order earned them, they became usable, a return,
/// refund or cancellation took them back, the customer spent them, they expired, a person
/// corrected the balance, or a referral was rewarded (both sides).
public enum LoyaltyEntryKind: String, Sendable, Codable, CaseIterable {
    case earn
    case release
    case reverse
    case redeem
    case expire
    case adjust
    case reward
}
