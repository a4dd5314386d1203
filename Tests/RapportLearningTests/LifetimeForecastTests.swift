import Foundation
import RapportLearning
import Testing

/// Per-customer forecasts against an independent computation (SciPy's hyp2f1 and the
/// papers' formulas) and the paper's own worked example.
@Suite("Lifetime forecasts")
struct LifetimeForecastTests {
    /// The published CDNOW parameters (Fader, Hardie & Lee 2005).
    let model = BGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    @Test("expected purchases match the paper's example (x = 2, t_x = 30.43, T = 38.86: 1.226 in the next 39 weeks)")
    func expectedPurchases() {
        let customer = PurchaseHistory(frequency: 2, recency: 30.43, age: 38.86)
        #expect(abs(model.expectedPurchases(over: 39, customer) - 1.226028174767135) < 1e-9)
        #expect(abs(model.expectedPurchases(over: 39, PurchaseHistory(frequency: 0, recency: 0, age: 38.86)) - 0.19509805201125396) < 1e-9)
        #expect(model.expectedPurchases(over: 0, customer) == 0)
    }

    @Test("expected purchases stay smooth and positive where a is near 1 (equation 10 divides by a − 1 there)")
    func nearOne() {
        let customer = PurchaseHistory(frequency: 2, recency: 25, age: 26)
        let stranger = PurchaseHistory(frequency: 0, recency: 0, age: 26)
        for history in [customer, stranger] {
            let atOne = BGNBD(r: 0.8, alpha: 3, a: 1, b: 40).expectedPurchases(over: 52, history)
            #expect(atOne.isFinite && atOne > 0)
            for offset in [1e-12, 1e-9, 1e-7] {
                for a in [1 - offset, 1 + offset] {
                    let near = BGNBD(r: 0.8, alpha: 3, a: a, b: 40).expectedPurchases(over: 52, history)
                    #expect(abs(near - atOne) < 1e-5 * atOne, "a = \(a)")
                }
            }
            // Farther away the value moves, smoothly and in step with a.
            let below = BGNBD(r: 0.8, alpha: 3, a: 0.99, b: 40).expectedPurchases(over: 52, history)
            let above = BGNBD(r: 0.8, alpha: 3, a: 1.01, b: 40).expectedPurchases(over: 52, history)
            #expect(below > atOne && atOne > above && abs(below - above) < 0.05 * atOne)
        }
    }

    @Test("the probability of being alive: 1 without repeat purchases, falling with time since the last one")
    func probabilityAlive() {
        #expect(abs(model.probabilityAlive(PurchaseHistory(frequency: 2, recency: 30.43, age: 38.86)) - 0.726578570080673) < 1e-9)
        #expect(abs(model.probabilityAlive(PurchaseHistory(frequency: 7, recency: 10, age: 39)) - 0.003601677822059406) < 1e-12)
        #expect(model.probabilityAlive(PurchaseHistory(frequency: 0, recency: 0, age: 39)) == 1)
    }

    @Test("lifetime value: monthly expected purchases times the Gamma-Gamma order value, discounted")
    func lifetimeValue() {
        let forecaster = LifetimeForecaster(
            purchases: model, spend: GammaGamma(p: 6.25, q: 3.74, gamma: 15.44), periodLength: 7, horizonMonths: 12,
            annualDiscountRate: 0.1)
        let forecast = forecaster.forecast(
            PurchaseHistory(frequency: 2, recency: 30.43, age: 38.86), spending: SpendHistory(frequency: 2, averageValue: 40))
        #expect(abs(forecast.expectedOrderValue - 39.14041994750656) < 1e-9)
        #expect(abs(forecast.expectedPurchases - 1.5630996522916274) < 1e-9)
        #expect(abs(forecast.lifetimeValue - 58.319575891957996) < 1e-9)
        #expect(abs(forecast.probabilityAlive - 0.726578570080673) < 1e-9)
    }

    @Test("purchase days become histories: one purchase per day, nothing after calibration, in any order")
    func dataset() {
        let days = [
            PurchaseDay(customer: "b", day: 14, value: 5), PurchaseDay(customer: "a", day: 0, value: 10),
            PurchaseDay(customer: "a", day: 7, value: 20), PurchaseDay(customer: "a", day: 7, value: 4),
            PurchaseDay(customer: "a", day: 21, value: 30), PurchaseDay(customer: "a", day: 40, value: 99),
            PurchaseDay(customer: "c", day: 29, value: 8),
        ]
        let dataset = LifetimeDataset(days: days, calibrationEnd: 28, periodLength: 7)
        #expect(dataset.customers == ["a", "b"])
        #expect(dataset.purchases == [PurchaseHistory(frequency: 2, recency: 3, age: 4), PurchaseHistory(frequency: 0, recency: 0, age: 2)])
        #expect(dataset.spend == [SpendHistory(frequency: 2, averageValue: 27), SpendHistory(frequency: 0, averageValue: 0)])
    }

    @Test("fitting customers drawn from a known BG/NBD recovers its parameters")
    func recovery() {
        var generator = SeededGenerator(seed: 7)
        let truth = BGNBD(r: 0.5, alpha: 6, a: 0.8, b: 2.5)
        let histories = truth.simulate(customers: 40_000, ages: 20...80, generator: &generator)
        let fitted = BGNBD.fit(histories).model
        #expect(abs(fitted.r / truth.r - 1) < 0.1 && abs(fitted.alpha / truth.alpha - 1) < 0.1)
        #expect(abs(fitted.a / truth.a - 1) < 0.15 && abs(fitted.b / truth.b - 1) < 0.15)
    }
}
