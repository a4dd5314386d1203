import RapportCore

/// A reward of the programme as the API shows it (`amount` and `currency` for `amount_off`,
/// `percent` for `percent_off`, `sku` for `product`; null otherwise).
struct LoyaltyRewardResponse: Encodable {
    let key: String
    let name: String
    let points: Int64
    let kind: String
    let amount: Int64?
    let currency: String?
    let percent: Int?
    let sku: String?

    init(_ reward: LoyaltyReward) {
        key = reward.key
        name = reward.name
        points = reward.points
        kind = reward.kind.rawValue
        amount = reward.amount
        currency = reward.currency
        percent = reward.percent
        sku = reward.sku
    }
}
