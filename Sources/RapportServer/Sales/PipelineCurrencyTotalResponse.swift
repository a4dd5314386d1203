import RapportCore

/// What a stage holds in a currency other than its pipeline's.
struct PipelineCurrencyTotalResponse: Encodable {
    let currency: String
    let deals: Int64
    let total: Int64
    let weightedTotal: Int64

    init(_ total: PipelineStageTotal, stage: PipelineStage) {
        currency = total.currency
        deals = total.deals
        self.total = total.amount
        weightedTotal = stage.weighted(total.amount)
    }
}
