import Foundation
import Hummingbird
import RapportCore

/// `/insights`: the store's figures for a range of days and a segment (a tag, an RFM segment, or
/// a saved segment or list),
/// revenue per day, the cohort retention heatmap, the RFM grid, and the lifetime-value models
/// with the most valuable customers. Charts are drawn on the server.
struct InsightsPages {
    let metrics: StoreMetricsService
    let rfm: RFMService
    let lifetime: LifetimeValueService
    let refresh: InsightsRefreshService
    let customers: CustomerService
    let segments: SegmentService
    let pages: WebPages
    let clock: any WallClock

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("insights", use: show)
        group.post("insights/refresh", requiring: .refreshInsights, use: refreshNow)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        try actor.require(.viewInsights)
        var range = DayRange(request, defaultDays: 30, today: Calendar.utc.startOfDay(for: clock.now()))
        var problems = range.problems
        let parameters = request.uri.queryParameters
        let tag = parameters["tag"].map { String($0.prefix(100)).trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        // An RFM segment by name, or a segment or list by id.
        let choice = SegmentFilterChoice(parameters["segment"], segments: try await segments.list(as: actor))
        let filter = CustomerFilter(tag: tag, rfmSegment: choice.rfm, segmentID: choice.segment?.id)
        let figures: StoreMetrics
        do {
            figures = try await metrics.metrics(from: range.from, to: range.end, filter: filter, as: actor)
        } catch RapportError.invalid(let errors) {
            for error in errors { problems["to"] = WebFormat.problem(error) }
            range = DayRange(request, defaultDays: 30, today: Calendar.utc.startOfDay(for: clock.now()))
            range.from = range.last.addingTimeInterval(-29 * 86_400)
            figures = try await metrics.metrics(from: range.from, to: range.end, filter: filter, as: actor)
        }
        let cohorts = try await metrics.cohorts(months: 12, end: range.end, filter: filter, as: actor)
        let grid = try await rfm.grid(as: actor)
        let model = try await lifetime.model(as: actor)
        let top = try await lifetime.topValues(limit: 10, as: actor)
        let names = Dictionary(
            try await customers.customers(ids: top.map(\.customerID), as: actor).map { ($0.id, WebFormat.customerName($0)) },
            uniquingKeysWith: { first, _ in first })
        let rows = top.map { value in
            InsightsPageView.Top(
                id: value.customerID, name: names[value.customerID] ?? value.customerID,
                value: InsightsViews.money(value.forecast.lifetimeValue, value.currency),
                purchases: String(format: "%.1f", value.forecast.expectedPurchases),
                alive: String(format: "%.0f%%", value.forecast.probabilityAlive * 100))
        }
        let view = InsightsViews.page(
            figures, range: range, problems: problems, tag: tag, segment: choice, filtered: !filter.isEmpty,
            mayRefresh: actor.may(.refreshInsights), cohorts: cohorts, grid: grid, model: model, top: rows)
        return try pages.render("insights", context, title: "Insights", section: "insights", view: view)
    }

    /// Refits the lifetime models, rescores RFM and retrains the recommender now.
    @Sendable func refreshNow(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        _ = try await WebForm.read(request, context: context)
        try await refresh.refresh(as: context.actor)
        return WebRedirect.to("/insights")
    }
}
