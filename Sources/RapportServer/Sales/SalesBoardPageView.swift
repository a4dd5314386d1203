/// The pipeline board (`sales_board`): a column per stage with its deals, amount and weighted
/// amount, the cards in their order, each with a "Move to…" form that `sales.js` turns into
/// dragging and arrow keys.
struct SalesBoardPageView: TemplateView {
    struct Choice: TemplateView {
        let id: String
        let name: String
        let selected: Bool
    }

    struct Card: TemplateView {
        let id: String
        let title: String
        let amount: String
        let owner: String?
        let nextStep: String?
        let closes: String?
        let stuck: Bool
        /// Whether the signed-in user may move this card (an agent: their own, their team's and
        /// unheld deals).
        let mayMove: Bool
        /// The stages it may go to, its own selected.
        let stages: [Choice]
    }

    struct Column: TemplateView {
        let id: String
        let name: String
        let kind: String
        let probability: String
        let deals: Int64
        /// `1 deal`, `3 deals`.
        let dealsWords: String
        let total: String
        let weighted: String
        /// Deals in currencies other than the pipeline's, each apart (`2 deals, €1,200.00`).
        let others: String?
        let cards: [Card]
        let more: Bool
    }

    let pipelines: [Choice]
    let pipelineID: String?
    let pipelineName: String
    let columns: [Column]
    let openDeals: Int64
    let openTotal: String
    let forecast: String
    let mayMove: Bool
    let maySeeDashboard: Bool
    let noPipeline: Bool
    let notice: String?
    let error: String?
}
