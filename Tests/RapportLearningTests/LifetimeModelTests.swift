import Foundation
import RapportLearning
import Testing

/// BG/NBD, Pareto/NBD and Gamma-Gamma against an independent computation and against the
/// published CDNOW fits.
@Suite("Lifetime models")
struct LifetimeModelTests {
    @Test("the log-likelihood equals an independent computation (SciPy, the paper's formula)")
    func logLikelihood() {
        let histories = [
            PurchaseHistory(frequency: 0, recency: 0, age: 20), PurchaseHistory(frequency: 2, recency: 10.5, age: 38),
            PurchaseHistory(frequency: 7, recency: 30, age: 39),
        ]
        let value = BGNBD(r: 0.25, alpha: 4.4, a: 0.8, b: 2.4).logLikelihood(histories)
        #expect(abs(value - -30.808002661314305) < 1e-9)
    }

    @Test("BG/NBD's analytic gradient agrees with central differences")
    func gradient() {
        let histories = [
            PurchaseHistory(frequency: 0, recency: 0, age: 20), PurchaseHistory(frequency: 2, recency: 10.5, age: 38),
            PurchaseHistory(frequency: 7, recency: 30, age: 39), PurchaseHistory(frequency: 2, recency: 10.5, age: 38),
        ]
        let parameters = [0.25, 4.4, 0.8, 2.4]
        let model = { (p: [Double]) in BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3]) }
        let (value, gradient) = model(parameters).logLikelihoodAndGradient(PurchaseHistory.grouped(histories))
        // Grouping counts the repeated history twice: the sum of the histories taken one by one.
        let oneByOne = histories.map { model(parameters).logLikelihood([$0]) }.reduce(0, +)
        #expect(abs(value - oneByOne) < 1e-9)
        Self.expect(gradient, at: parameters) { model($0).logLikelihood(histories) }
    }

    /// Each component of `gradient` within 1e-5 of the central difference of `function`.
    static func expect(_ gradient: [Double], at parameters: [Double], of function: ([Double]) -> Double) {
        for index in parameters.indices {
            var up = parameters, down = parameters
            up[index] += 1e-6
            down[index] -= 1e-6
            let numeric = (function(up) - function(down)) / 2e-6
            #expect(abs(gradient[index] - numeric) < 1e-5, "parameter \(index)")
        }
    }

    @Test("Pareto/NBD's log-likelihood equals an independent computation (SciPy's hyp2f1), with alpha below and above beta")
    func paretoLogLikelihood() {
        let histories = [
            PurchaseHistory(frequency: 0, recency: 0, age: 20), PurchaseHistory(frequency: 2, recency: 10.5, age: 38),
            PurchaseHistory(frequency: 7, recency: 30, age: 39),
        ]
        #expect(abs(ParetoNBD(r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7).logLikelihood(histories) - -30.49727997693) < 1e-9)
        #expect(abs(ParetoNBD(r: 0.5, alpha: 12, s: 0.7, beta: 9).logLikelihood(histories) - -31.05568855404001) < 1e-9)
    }

    @Test("Gamma-Gamma's log-likelihood and expected average value equal an independent computation")
    func gammaGamma() {
        let model = GammaGamma(p: 6, q: 3.7, gamma: 15)
        let histories = [SpendHistory(frequency: 1, averageValue: 20), SpendHistory(frequency: 3, averageValue: 35.5)]
        #expect(abs(model.logLikelihood(histories) - -7.7255325112253885) < 1e-9)
        #expect(abs(model.expectedAverageValue(histories[1]) - 35.21739130434783) < 1e-9)
        // No repeat purchase: nothing to learn from.
        #expect(model.logLikelihood([SpendHistory(frequency: 0, averageValue: 0)]) == 0)
    }

    @Test("Gamma-Gamma's analytic gradient agrees with central differences, its grouped value with the plain one")
    func gammaGammaGradient() {
        let histories = [
            SpendHistory(frequency: 1, averageValue: 20), SpendHistory(frequency: 3, averageValue: 35.5),
            SpendHistory(frequency: 1, averageValue: 12.25), SpendHistory(frequency: 7, averageValue: 48),
            SpendHistory(frequency: 0, averageValue: 0), SpendHistory(frequency: 2, averageValue: -5),
        ]
        let parameters = [6.0, 3.7, 15.0]
        let model = { (p: [Double]) in GammaGamma(p: p[0], q: p[1], gamma: p[2]) }
        let (value, gradient) = model(parameters).logLikelihoodAndGradient(SpendGroups(histories))
        #expect(abs(value - model(parameters).logLikelihood(histories)) < 1e-9)
        Self.expect(gradient, at: parameters) { model($0).logLikelihood(histories) }
    }

    /// The CDNOW sample (2,357 customers) as the papers read it: each customer's purchase
    /// days up to 1997-09-30 (several on one day count once, their values summed), in weeks of
    /// seven days; and the repeat customers' average repeat-purchase value.
    static func cdnowSample(_ path: String) throws -> (purchases: [PurchaseHistory], spend: [SpendHistory]) {
        let end = try #require(Self.day("19970930"))
        var days: [PurchaseDay] = []
        for line in try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline) {
            let columns = line.split(separator: " ")
            guard columns.count == 5, let day = Self.day(String(columns[2])), let value = Double(columns[4]) else { continue }
            days.append(PurchaseDay(customer: String(columns[1]), day: day, value: value))
        }
        let dataset = LifetimeDataset(days: days, calibrationEnd: end, periodLength: 7)
        return (dataset.purchases, dataset.spend.filter { $0.frequency > 0 })
    }

    /// Days since 1970 of a `yyyymmdd` date.
    static func day(_ text: String) -> Int? {
        var parts = DateComponents()
        guard text.count == 8, let year = Int(text.prefix(4)), let month = Int(text.dropFirst(4).prefix(2)), let day = Int(text.suffix(2))
        else { return nil }
        (parts.year, parts.month, parts.day) = (year, month, day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.date(from: parts).map { Int($0.timeIntervalSince1970 / 86_400) }
    }

    @Test(
        "fits CDNOW's 2,357-customer sample to the published BG/NBD, Pareto/NBD and Gamma-Gamma parameters (CI points RAPPORT_CDNOW_SAMPLE at the file the lifetimes wheel ships)",
        .enabled(if: ProcessInfo.processInfo.environment["RAPPORT_CDNOW_SAMPLE"] != nil))
    func cdnow() throws {
        let sample = try Self.cdnowSample(try #require(ProcessInfo.processInfo.environment["RAPPORT_CDNOW_SAMPLE"]))
        #expect(sample.purchases.count == 2357 && sample.spend.count == 946)
        let (model, logLikelihood) = BGNBD.fit(sample.purchases)
        #expect(abs(model.r - 0.243) < 0.0005 && abs(model.alpha - 4.414) < 0.0005)
        #expect(abs(model.a - 0.793) < 0.0005 && abs(model.b - 2.426) < 0.0005)
        #expect(abs(logLikelihood - -9582.4) < 0.05)
        let pareto = ParetoNBD.fit(sample.purchases).model
        #expect(abs(pareto.r - 0.553) < 0.0005 && abs(pareto.alpha - 10.578) < 0.0005)
        #expect(abs(pareto.s - 0.606) < 0.0005 && abs(pareto.beta - 11.669) < 0.0005)
        // Gamma-Gamma, to 2 decimals: p = 6.25, q = 3.74, gamma = 15.44.
        let spend = GammaGamma.fit(sample.spend).model
        #expect(abs(spend.p - 6.25) < 0.005 && abs(spend.q - 3.74) < 0.005 && abs(spend.gamma - 15.44) < 0.005)
    }
}
