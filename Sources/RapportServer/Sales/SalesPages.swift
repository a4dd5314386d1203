import Foundation
import Hummingbird
import RapportCore

/// `/sales`: the pipeline board (`?pipeline_id=`, else the first pipeline) with each stage's
/// totals and cards, moved by a card's "Move to…" form or, with `sales.js`, by dragging and by
/// arrow keys through `PATCH /api/v1/deals/{id}`; `/sales/day`, "My day": the user's tasks due
/// today or overdue, completed from the page, and today's meetings; `/sales/dashboard`, the
/// pipeline's figures for admins and managers. The board is everyone's who sees sales; moving
/// deals is for those who work them, completing tasks likewise.
struct SalesPages {
    static let cardsPerStage = 50

    let pipelines: PipelineService
    let deals: DealService
    let tasks: WorkTaskService
    let inboxes: InboxService
    /// Where a refusal goes when the form came from a deal's page.
    let dealPage: SalesDealPages
    let pages: WebPages
    let clock: any WallClock

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("sales", requiring: .viewSales, use: board)
        group.post("sales/deals/:id/move", requiring: .workDeals, use: move)
        group.get("sales/day", requiring: .viewTasks, use: day)
        group.get("sales/dashboard", requiring: .viewDashboard, use: dashboard)
        group.post("sales/tasks/:id/done", requiring: .workTasks, use: complete)
    }

    @Sendable func board(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let asked = request.uri.queryParameters["pipeline_id"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .pipeline) ? $0 : nil }
        let notice = request.uri.queryParameters["done"] == "moved" ? "The deal is moved." : nil
        return try await renderBoard(context, pipelineID: asked, notice: notice, error: nil)
    }

    /// `stage_id`: the stage the deal goes to, at the top of it.
    @Sendable func move(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try PathID.require(context, .deal, "deal")
        let form = try await WebForm.read(request, context: context)
        do {
            guard let stage = form["stage_id"], ResourceID.isValid(stage, prefix: .pipelineStage) else {
                throw RapportError.invalid(field: "stage_id", "must be one of the pipeline's stages")
            }
            let moved = try await deals.update(id: id, DealChange(stage: stage, placement: .top), as: context.actor)
            if form["back"] == "deal" { return WebRedirect.to("/sales/deals/\(moved.id)?done=moved") }
            return WebRedirect.to("/sales?pipeline_id=\(moved.pipelineID)&done=moved#deal-\(moved.id)")
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            if form["back"] == "deal" { return try await dealPage.render(context, id: id, notice: nil, error: refusal.message, status: refusal.status) }
            let deal = try await deals.find(id: id, as: context.actor)
            return try await renderBoard(context, pipelineID: deal.pipelineID, notice: nil, error: refusal.message, status: refusal.status)
        }
    }

    @Sendable func day(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let notice = request.uri.queryParameters["done"] == "completed" ? "The task is done." : nil
        return try await renderDay(context, notice: notice, error: nil)
    }

    @Sendable func complete(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try PathID.require(context, .task, "task")
        let form = try await WebForm.read(request, context: context)
        let dealID = form["back"] == "deal" ? try await tasks.find(id: id, as: context.actor).dealID : nil
        do {
            let task = try await tasks.update(id: id, WorkTaskChange(status: .done), as: context.actor)
            // Back to the deal's page when done from there (the deal the task is about, not a given address).
            if form["back"] == "deal", let dealID = task.dealID { return WebRedirect.to("/sales/deals/\(dealID)?done=completed") }
            return WebRedirect.to("/sales/day?done=completed")
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            if let dealID { return try await dealPage.render(context, id: dealID, notice: nil, error: refusal.message, status: refusal.status) }
            return try await renderDay(context, notice: nil, error: refusal.message, status: refusal.status)
        }
    }

    /// `?pipeline_id=` (else the first) and `?days=` (30, 90, 180 or 365; 90 by default).
    @Sendable func dashboard(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let asked = request.uri.queryParameters["pipeline_id"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .pipeline) ? $0 : nil }
        let days = request.uri.queryParameters["days"].flatMap { Int(String($0)) }.flatMap { Self.periods.contains($0) ? $0 : nil }
            ?? SalesDashboard.defaultDays
        let all = try await pipelines.pipelines(as: actor)
        guard let chosen = asked ?? all.first?.id else {
            let view = SalesDashboardPageView(
                pipelines: [], periods: [], pipelineID: nil, pipelineName: "", days: days, tiles: [], month: "", wonThisMonth: "", monthForecast: "",
                target: nil, targetShare: nil, valueChart: "", conversionChart: "", activityChart: "", stages: [], reps: [], noPipeline: true)
            return try pages.render("sales_dashboard", context, title: "Sales dashboard", section: "sales", view: view)
        }
        let figures = try await pipelines.dashboard(id: chosen, days: days, as: actor)
        let users = try await inboxes.agentNames(as: actor)
        let view = SalesDashboardViews.page(figures, pipelines: all, periods: Self.periods, users: users)
        return try pages.render("sales_dashboard", context, title: "Sales dashboard", section: "sales", view: view)
    }

    static let periods = [30, 90, 180, 365]

    /// A refusal a page shows in place: invalid input, a conflict, or a change the role may not
    /// make to this record (a 403 the page explains).
    static func refusal(_ error: RapportError) -> (message: String, status: HTTPResponse.Status)? {
        if case .forbidden(let message) = error { return (message, .forbidden) }
        return CampaignPages.refusal(error)
    }

    // MARK: Rendering

    private func renderBoard(
        _ context: SignedInRequestContext, pipelineID: String?, notice: String?, error: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor
        let all = try await pipelines.pipelines(as: actor)
        guard let chosen = pipelineID ?? all.first?.id else {
            let view = SalesBoardPageView(
                pipelines: [], pipelineID: nil, pipelineName: "", columns: [], openDeals: 0, openTotal: "", forecast: "", mayMove: false,
                maySeeDashboard: actor.may(.viewDashboard), noPipeline: true, notice: notice, error: error)
            return try pages.render("sales_board", context, title: "Sales", section: "sales", view: view, status: status)
        }
        let board = try await pipelines.board(id: chosen, cardsPerStage: Self.cardsPerStage, as: actor)
        let pipeline = board.overview.pipeline
        let currency = pipeline.currency ?? "USD"
        let users = try await inboxes.agentNames(as: actor)
        let now = clock.now()
        let columns = board.columns.map { column in
            let stage = column.summary.stage
            let cards = column.deals.map { deal in
                SalesBoardPageView.Card(
                    id: deal.id, title: deal.title, amount: WebFormat.money(deal.amount, deal.currency),
                    owner: deal.ownerID.flatMap { users[$0] }, nextStep: deal.nextStep, closes: deal.expectedCloseOn,
                    stuck: deal.isStuck(in: stage, at: now), mayMove: DealService.mayChange(deal, as: actor),
                    stages: pipeline.stages.map { SalesBoardPageView.Choice(id: $0.id, name: $0.name, selected: $0.id == stage.id) })
            }
            let others = column.summary.otherCurrencies.map { "\($0.deals) \($0.deals == 1 ? "deal" : "deals"), \(WebFormat.money($0.amount, $0.currency))" }
            return SalesBoardPageView.Column(
                id: stage.id, name: stage.name, kind: stage.kind.rawValue, probability: "\(stage.probability)%", deals: column.summary.deals,
                dealsWords: "\(column.summary.deals) \(column.summary.deals == 1 ? "deal" : "deals")",
                total: WebFormat.money(column.summary.total, currency), weighted: WebFormat.money(column.summary.weightedTotal, currency),
                others: others.isEmpty ? nil : others.joined(separator: "; "), cards: cards, more: column.hasMore)
        }
        let view = SalesBoardPageView(
            pipelines: all.map { SalesBoardPageView.Choice(id: $0.id, name: $0.name, selected: $0.id == pipeline.id) },
            pipelineID: pipeline.id, pipelineName: pipeline.name, columns: columns, openDeals: board.overview.openDeals,
            openTotal: WebFormat.money(board.overview.openTotal, currency), forecast: WebFormat.money(board.overview.forecast, currency),
            mayMove: actor.may(.workDeals), maySeeDashboard: actor.may(.viewDashboard), noPipeline: false, notice: notice, error: error)
        return try pages.render("sales_board", context, title: "\(pipeline.name) · Sales", section: "sales", view: view, status: status)
    }

    private func renderDay(_ context: SignedInRequestContext, notice: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = context.actor
        let day = try await tasks.day(as: actor)
        let now = clock.now()
        // The deals the tasks are about, each read once (a day holds few).
        var dealTitles: [String: String] = [:]
        if actor.may(.viewSales) {
            for id in Set(day.tasks.compactMap(\.dealID)) {
                if let deal = try? await deals.find(id: id, as: actor) { dealTitles[id] = deal.title }
            }
        }
        let tasks = day.tasks.map { task in
            let due = task.dueAt ?? now
            var about: String?
            var link: String?
            if let dealID = task.dealID, let title = dealTitles[dealID] {
                about = "Deal: \(title)"
                link = "/sales/deals/\(dealID)"
            } else if let customerID = task.customerID {
                about = "The customer's page"
                link = "/customers/\(customerID)"
            }
            return SalesDayPageView.Task(
                id: task.id, title: task.title, kind: task.kind.rawValue, due: WebFormat.time(due), dueISO: WebFormat.iso(due),
                dueWords: WebFormat.due(due, now: now), overdue: due < now, about: about, aboutLink: link)
        }
        let meetings = day.meetings.map { meeting in
            SalesDayPageView.Meeting(
                id: meeting.id, title: meeting.title, starts: WebFormat.time(meeting.startsAt), startsISO: WebFormat.iso(meeting.startsAt),
                ends: WebFormat.time(meeting.endsAt), location: meeting.location)
        }
        let view = SalesDayPageView(
            day: WebFormat.day(day.start), tasks: tasks, meetings: meetings, mayComplete: actor.may(.workTasks), notice: notice, error: error)
        return try pages.render("sales_day", context, title: "My day", section: "sales", view: view, status: status)
    }
}
