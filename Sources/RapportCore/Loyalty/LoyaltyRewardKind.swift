/// What a reward's discount code gives: an amount off, a percentage off, free shipping, or a
/// product (by SKU) for free.
public enum LoyaltyRewardKind: String, Sendable, Codable, CaseIterable {
    case amountOff = "amount_off"
    case percentOff = "percent_off"
    case freeShipping = "free_shipping"
    case product
}
