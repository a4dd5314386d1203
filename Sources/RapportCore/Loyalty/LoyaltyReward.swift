import Foundation

/// A reward of the programme: what a number of points buys, as a discount code the shop
/// honours (`amount_off` 5.00 EUR, `percent_off` 10, `free_shipping`, a `product` by SKU).
public struct LoyaltyReward: Sendable, Equatable, Codable {
    public static let maximumRewards = 20

    /// The reward's handle in the API (`five-off`): lowercase letters, digits and dashes.
    public var key: String
    /// What the customer is told: "5.00 EUR off".
    public var name: String
    public var points: Int64
    public var kind: LoyaltyRewardKind
    /// `amount_off`: minor units of `currency`.
    public var amount: Int64?
    public var currency: String?
    /// `percent_off`: 1–100.
    public var percent: Int?
    /// `product`: the SKU given for free.
    public var sku: String?

    public init(
        key: String, name: String, points: Int64, kind: LoyaltyRewardKind, amount: Int64? = nil, currency: String? = nil, percent: Int? = nil,
        sku: String? = nil
    ) {
        self.key = key
        self.name = name
        self.points = points
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.percent = percent
        self.sku = sku
    }

    /// The reward, checked and with what its kind does not use cleared; `field` names it in errors.
    func checked(field: String) throws -> LoyaltyReward {
        var reward = self
        reward.key = key.trimmed.lowercased()
        reward.name = name.trimmed
        guard (1...40).contains(reward.key.count), reward.key.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) else {
            throw RapportError.invalid(field: "\(field).key", "must be 1 to 40 lowercase letters, digits or dashes")
        }
        guard (1...80).contains(reward.name.count) else { throw RapportError.invalid(field: "\(field).name", "must be 1 to 80 characters") }
        guard (1...1_000_000_000).contains(points) else {
            throw RapportError.invalid(field: "\(field).points", "must be a whole number from 1 to 1000000000")
        }
        (reward.amount, reward.currency, reward.percent, reward.sku) = (nil, nil, nil, nil)
        switch kind {
        case .amountOff:
            guard let amount, (1...100_000_000).contains(amount) else {
                throw RapportError.invalid(field: "\(field).amount", "must be an amount in minor units from 1 to 100000000")
            }
            guard let code = currency.flatMap(Currency.normalized) else {
                throw RapportError.invalid(field: "\(field).currency", "must be an ISO 4217 currency code")
            }
            (reward.amount, reward.currency) = (amount, code)
        case .percentOff:
            guard let percent, (1...100).contains(percent) else {
                throw RapportError.invalid(field: "\(field).percent", "must be a whole number from 1 to 100")
            }
            reward.percent = percent
        case .freeShipping:
            break
        case .product:
            guard let sku = sku?.trimmed, (1...100).contains(sku.count) else {
                throw RapportError.invalid(field: "\(field).sku", "must be the product's SKU, 1 to 100 characters")
            }
            reward.sku = sku
        }
        return reward
    }
}
