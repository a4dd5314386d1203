import RapportCore

/// A stage as the API shows it, with what it holds: `total` and `weighted_total` (total ×
/// probability ÷ 100, rounded once, half to even) count its deals in the pipeline's currency;
/// deals in other currencies are in `other_currencies`, each apart.
struct PipelineStageResponse: Encodable {
    let id: String
    let name: String
    let position: Int
    let probability: Int
    let kind: String
    let stuckAfterDays: Int?
    let deals: Int64
    let total: Int64
    let weightedTotal: Int64
    let currency: String?
    let otherCurrencies: [PipelineCurrencyTotalResponse]

    init(_ summary: PipelineStageSummary) {
        id = summary.stage.id
        name = summary.stage.name
        position = summary.stage.position
        probability = summary.stage.probability
        kind = summary.stage.kind.rawValue
        stuckAfterDays = summary.stage.stuckAfterDays
        deals = summary.deals
        total = summary.total
        weightedTotal = summary.weightedTotal
        currency = summary.currency
        otherCurrencies = summary.otherCurrencies.map { PipelineCurrencyTotalResponse($0, stage: summary.stage) }
    }
}
