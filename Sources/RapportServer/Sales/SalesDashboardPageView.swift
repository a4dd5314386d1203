/// The sales dashboard (`sales_dashboard`): a pipeline's figures over the chosen days, the month
/// against its target, and server-drawn charts (pipeline value by stage, stage conversion,
/// activities per rep) with the tables they are drawn from.
struct SalesDashboardPageView: TemplateView {
    struct Choice: TemplateView {
        let id: String
        let name: String
        let selected: Bool
    }

    struct Tile: TemplateView {
        let key: String
        let figure: String
        let words: String
    }

    struct StageRow: TemplateView {
        let name: String
        let entered: Int
        let movedOn: Int
        let conversion: String
        let meanDays: String
        let stays: Int
    }

    struct RepRow: TemplateView {
        let userID: String
        let name: String
        let tasksDone: Int
        let dealMoves: Int
        let dealsWon: Int
        let activities: Int
    }

    let pipelines: [Choice]
    let periods: [Choice]
    let pipelineID: String?
    let pipelineName: String
    let days: Int
    let tiles: [Tile]
    let month: String
    let wonThisMonth: String
    let monthForecast: String
    let target: String?
    let targetShare: String?
    let valueChart: String
    let conversionChart: String
    let activityChart: String
    let stages: [StageRow]
    let reps: [RepRow]
    let noPipeline: Bool
}
