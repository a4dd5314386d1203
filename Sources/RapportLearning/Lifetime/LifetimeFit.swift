import Foundation

/// The lifetime models fitted to one dataset, with their log-likelihoods and how long the
/// fitting took.
public struct LifetimeFit: Sendable, Codable {
    public var purchases: BGNBD
    public var purchasesLogLikelihood: Double
    /// Fitted on request (`rapport analytics clv`); forecasts use BG/NBD.
    public var paretoPurchases: ParetoNBD?
    public var paretoLogLikelihood: Double?
    public var spend: GammaGamma
    public var spendLogLikelihood: Double
    public var customers: Int
    public var repeatCustomers: Int
    public var seconds: Double

    /// Fits BG/NBD and Gamma-Gamma, and Pareto/NBD when asked. Nil without enough data: the
    /// models need customers who bought again and customers who did not.
    public static func fit(_ dataset: LifetimeDataset, includingPareto: Bool) -> LifetimeFit? {
        let repeaters = dataset.spend.filter { $0.frequency > 0 && $0.averageValue > 0 }
        guard repeaters.count >= 2, dataset.purchases.count > repeaters.count else { return nil }
        let started = ContinuousClock.now
        let (purchases, purchasesLogLikelihood) = BGNBD.fit(dataset.purchases)
        let pareto = includingPareto ? ParetoNBD.fit(dataset.purchases, near: purchases) : nil
        let (spend, spendLogLikelihood) = GammaGamma.fit(repeaters)
        return LifetimeFit(
            purchases: purchases, purchasesLogLikelihood: purchasesLogLikelihood, paretoPurchases: pareto?.model,
            paretoLogLikelihood: pareto?.logLikelihood, spend: spend, spendLogLikelihood: spendLogLikelihood,
            customers: dataset.purchases.count, repeatCustomers: repeaters.count,
            seconds: (ContinuousClock.now - started).inSeconds)
    }
}
