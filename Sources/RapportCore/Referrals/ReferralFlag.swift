/// Why a referral looks like the referrer rewarding themselves, or a code passed around: held
/// for review, never rewarded on its own.
public enum ReferralFlag: String, Sendable, Codable, CaseIterable {
    /// The friend's e-mail is the referrer's with a `+tag` or dots moved, or they share a phone.
    case sharedIdentity = "shared_identity"
    /// An order of the friend ships where one of the referrer's did.
    case sharedAddress = "shared_address"
    /// The friend paid with a card (its fingerprint, from the shop) another friend of this
    /// referrer used.
    case sharedPaymentFingerprint = "shared_payment_fingerprint"
    /// The code brought more friends than the programme's limit: shared on a coupon site.
    case tooManyUses = "too_many_uses"
}
