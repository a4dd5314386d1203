import Foundation

/// Customer lifetime value from a fitted BG/NBD (how many purchases) and Gamma-Gamma (how
/// much each): over `horizonMonths` months, each month's expected purchases times the
/// expected order value, discounted at `annualDiscountRate` (the usual construction, as in
/// Fader, Hardie & Lee 2005's "RFM and CLV" and the lifetimes package).
public struct LifetimeForecaster: Sendable {
    public static let daysPerMonth = 365.25 / 12

    public var purchases: BGNBD
    public var spend: GammaGamma
    /// Days per period of the fitted histories (7 for weeks).
    public var periodLength: Double
    public var horizonMonths: Int
    public var annualDiscountRate: Double

    public init(purchases: BGNBD, spend: GammaGamma, periodLength: Double, horizonMonths: Int = 12, annualDiscountRate: Double = 0.1) {
        self.purchases = purchases
        self.spend = spend
        self.periodLength = periodLength
        self.horizonMonths = horizonMonths
        self.annualDiscountRate = annualDiscountRate
    }

    public func forecast(_ history: PurchaseHistory, spending: SpendHistory) -> CustomerForecast {
        let orderValue = spend.expectedAverageValue(spending)
        let monthlyDiscount = pow(1 + annualDiscountRate, 1.0 / 12)
        let month = Self.daysPerMonth / periodLength
        var value = 0.0
        var before = 0.0
        for index in 1...max(horizonMonths, 1) {
            let through = purchases.expectedPurchases(over: Double(index) * month, history)
            value += (through - before) * orderValue / pow(monthlyDiscount, Double(index))
            before = through
        }
        return CustomerForecast(
            expectedPurchases: before, probabilityAlive: purchases.probabilityAlive(history), expectedOrderValue: orderValue,
            lifetimeValue: value)
    }
}
