import Foundation
import RapportCore

/// Turns a pipeline's `SalesDashboard` into its page: the figures in words, the charts drawn.
enum SalesDashboardViews {
    static func page(_ figures: SalesDashboard, pipelines: [Pipeline], periods: [Int], users: [String: String]) -> SalesDashboardPageView {
        let pipeline = figures.overview.pipeline
        let currency = pipeline.currency ?? "USD"
        let money = { (amount: Int64) in WebFormat.money(amount, currency) }
        let percent = { (share: Double?) in share.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }
        let closed = figures.won + figures.lost
        let tiles = [
            SalesDashboardPageView.Tile(key: "open", figure: money(figures.overview.openTotal), words: "in \(figures.overview.openDeals) open deals"),
            SalesDashboardPageView.Tile(key: "forecast", figure: money(figures.overview.forecast), words: "forecast: each open deal weighted by its stage's chance"),
            SalesDashboardPageView.Tile(
                key: "win_rate", figure: percent(figures.winRate), words: "win rate: \(figures.won) won of \(closed) closed in the last \(days(of: figures)) days"),
            SalesDashboardPageView.Tile(
                key: "average_deal", figure: figures.averageWon.map(money) ?? "–", words: "average won deal (\(money(figures.wonAmount)) won in all)"),
            SalesDashboardPageView.Tile(
                key: "cycle", figure: figures.medianCycleDays.map { String(format: "%.1f days", $0) } ?? "–", words: "median sales cycle, made to won"),
        ]
        let stages = figures.stages.map { flow in
            SalesDashboardPageView.StageRow(
                name: flow.stage.name, entered: flow.entered, movedOn: flow.movedOn, conversion: percent(flow.conversion),
                meanDays: flow.meanDays.map { String(format: "%.1f", $0) } ?? "–", stays: flow.finishedStays)
        }
        let reps = figures.reps.map { rep in
            SalesDashboardPageView.RepRow(
                userID: rep.userID, name: users[rep.userID] ?? rep.userID, tasksDone: rep.tasksDone, dealMoves: rep.dealMoves, dealsWon: rep.dealsWon,
                activities: rep.activities)
        }
        let value = figures.overview.stages.filter { $0.stage.kind == .open }.map { summary in
            (label: summary.stage.name, value: clamp(summary.total), text: money(summary.total))
        }
        let conversion = figures.stages.map { flow in
            (label: flow.stage.name, value: Int(((flow.conversion ?? 0) * 100).rounded()), text: percent(flow.conversion))
        }
        let activity = reps.prefix(12).map { (label: $0.name, value: $0.activities) }
        return SalesDashboardPageView(
            pipelines: pipelines.map { SalesDashboardPageView.Choice(id: $0.id, name: $0.name, selected: $0.id == pipeline.id) },
            periods: periods.map { SalesDashboardPageView.Choice(id: "\($0)", name: "the last \($0) days", selected: $0 == days(of: figures)) },
            pipelineID: pipeline.id, pipelineName: pipeline.name, days: days(of: figures), tiles: tiles,
            month: String(WebFormat.day(figures.monthStart).prefix(7)), wonThisMonth: money(figures.wonThisMonth), monthForecast: money(figures.monthForecast),
            target: figures.monthlyTarget.map(money), targetShare: figures.targetShare.map { percent($0) },
            valueChart: SVGChart.bars(value, title: "Open pipeline value by stage, \(currency)"),
            conversionChart: SVGChart.bars(conversion, title: "Share of the deals entering each stage that went on"),
            activityChart: activity.isEmpty ? "" : SVGChart.bars(Array(activity), title: "Activities per rep: tasks done and deals moved"),
            stages: stages, reps: reps, noPipeline: false)
    }

    static func days(of figures: SalesDashboard) -> Int {
        Int((figures.until.timeIntervalSince(figures.since) / 86_400).rounded())
    }

    /// An amount as a bar's length (minor units, at most Int.max).
    private static func clamp(_ amount: Int64) -> Int {
        Int(max(min(amount, Int64(Int.max)), 0))
    }
}
