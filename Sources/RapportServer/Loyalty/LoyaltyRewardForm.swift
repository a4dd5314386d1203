import Foundation
import RapportCore

/// The loyalty page's form for one reward, as typed: the amount in major units of its
/// currency (`5.00`, `5,00`), read exactly; the programme checks the rest.
struct LoyaltyRewardForm: Decodable {
    var key: String?
    var name: String?
    var points: String?
    var kind: String?
    var amount: String?
    var currency: String?
    var percent: String?
    var sku: String?

    /// The reward, or every field that does not read.
    func reward() -> Result<LoyaltyReward, RapportError> {
        var problems: [FieldError] = []
        let points = Int64((points ?? "").trimmed)
        if points == nil { problems.append(FieldError(field: "reward.points", message: "must be a whole number")) }
        let kind = LoyaltyRewardKind(rawValue: kind ?? "")
        if kind == nil { problems.append(FieldError(field: "reward.kind", message: "must be one of the choices")) }
        var reward = LoyaltyReward(key: key ?? "", name: name ?? "", points: points ?? 0, kind: kind ?? .freeShipping)
        switch kind {
        case .amountOff:
            let code = Currency.normalized(currency ?? "")
            reward.currency = code ?? currency
            if let code {
                reward.amount = Self.minorUnits(amount ?? "", currency: code)
                if reward.amount == nil {
                    let digits = Currency.minorDigits(code)
                    problems.append(FieldError(
                        field: "reward.amount",
                        message: "must be an amount such as \(digits == 0 ? "500" : "5." + String(repeating: "0", count: digits)), with at most \(digits) decimals in \(code) and no thousands separator"))
                }
            } else {
                problems.append(FieldError(field: "reward.currency", message: "must be an ISO 4217 currency code, such as EUR"))
            }
        case .percentOff:
            reward.percent = Int((percent ?? "").trimmed)
            if reward.percent == nil { problems.append(FieldError(field: "reward.percent", message: "must be a whole number from 1 to 100")) }
        case .product:
            reward.sku = sku
        case .freeShipping, nil:
            break
        }
        return problems.isEmpty ? .success(reward) : .failure(.invalid(problems))
    }

    /// `5.00` or `5,00` in minor units, exactly: more decimals than the currency has (a
    /// thousands separator, `1,000`, reads so too) is no amount rather than a rounded one.
    static func minorUnits(_ text: String, currency: String) -> Int64? {
        let typed = text.trimmed.replacingOccurrences(of: ",", with: ".")
        let decimals = typed.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        guard decimals <= Currency.minorDigits(currency) else { return nil }
        return Currency.minorUnits(fromDecimal: typed, currency: currency)
    }
}
