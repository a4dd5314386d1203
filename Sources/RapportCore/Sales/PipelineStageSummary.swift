/// A stage with what it holds: the deals and amount in the pipeline's currency, that amount
/// weighted by the stage's probability, and the deals in other currencies, each currency apart.
public struct PipelineStageSummary: Sendable, Equatable {
    public var stage: PipelineStage
    public var currency: String?
    public var deals: Int64
    public var total: Int64
    public var weightedTotal: Int64
    /// Currencies other than the pipeline's, in alphabetical order.
    public var otherCurrencies: [PipelineStageTotal]

    public init(stage: PipelineStage, currency: String?, totals: [PipelineStageTotal]) {
        self.stage = stage
        self.currency = currency
        let own = totals.first { $0.currency == currency }
        deals = own?.deals ?? 0
        total = own?.amount ?? 0
        weightedTotal = stage.weighted(total)
        otherCurrencies = totals.filter { $0.currency != currency && $0.deals != 0 }.sorted { $0.currency < $1.currency }
    }
}
