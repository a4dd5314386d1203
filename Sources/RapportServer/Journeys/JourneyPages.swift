import Foundation
import Hummingbird
import RapportCore

/// `/journeys`: the workspace's journeys and the built-in ones to switch on with an e-mail
/// inbox; a journey's page drawn as a flow (server-rendered SVG) with the customers waiting at
/// and passed through each step, the totals against the holdout, and the moves it allows
/// (publish, pause, resume, archive). Everyone signed in sees them; admins, managers and
/// marketers switch them on and move them.
struct JourneyPages {
    static let pageSize = 25

    let journeys: JourneyService
    let inboxes: InboxService
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("journeys", requiring: .viewJourneys, use: list)
        group.post("journeys/from_template", requiring: .manageJourneys, use: switchOn)
        group.get("journeys/:id", requiring: .viewJourneys, use: show)
        group.post("journeys/:id/publish", requiring: .manageJourneys) { request, context in
            try await move(request, context: context, done: "published") { try await journeys.publish(id: $0, as: context.actor) }
        }
        group.post("journeys/:id/pause", requiring: .manageJourneys) { request, context in
            try await move(request, context: context, done: "paused") { try await journeys.pause(id: $0, as: context.actor) }
        }
        group.post("journeys/:id/resume", requiring: .manageJourneys) { request, context in
            try await move(request, context: context, done: "resumed") { try await journeys.resume(id: $0, as: context.actor) }
        }
        group.post("journeys/:id/archive", requiring: .manageJourneys) { request, context in
            try await move(request, context: context, done: "archived") { try await journeys.archive(id: $0, as: context.actor) }
        }
    }

    /// `?after=jny_…` pages to older journeys.
    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let after = request.uri.queryParameters["after"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .journey) ? $0 : nil }
        return try await renderList(context, after: after, error: nil)
    }

    /// A draft from a built-in journey (`template_key`, `inbox_id`), then its page.
    @Sendable func switchOn(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        do {
            let journey = try await journeys.create(JourneyDraft(), templateKey: form["template_key"] ?? "", inboxID: form["inbox_id"], as: context.actor)
            return WebRedirect.to("/journeys/\(journey.id)?done=created")
        } catch let error as RapportError {
            guard let refusal = CampaignPages.refusal(error) else { throw error }
            return try await renderList(context, after: nil, error: refusal.message, status: refusal.status)
        }
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let done = request.uri.queryParameters["done"].map(String.init)
        return try await render(context, id: try Self.id(context), notice: done.flatMap(Self.notice), error: nil)
    }

    private func move(
        _ request: Request, context: SignedInRequestContext, done: String, _ change: (String) async throws -> Journey
    ) async throws -> Response {
        let id = try Self.id(context)
        _ = try await WebForm.read(request, context: context)
        do {
            _ = try await change(id)
            return WebRedirect.to("/journeys/\(id)?done=\(done)")
        } catch let error as RapportError {
            guard let refusal = CampaignPages.refusal(error) else { throw error }
            return try await render(context, id: id, notice: nil, error: refusal.message, status: refusal.status)
        }
    }

    // MARK: Rendering

    private func renderList(_ context: SignedInRequestContext, after: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = context.actor
        let found = try await journeys.list(page: try PageRequest(limit: Self.pageSize, startingAfter: after), as: actor)
        let rows = found.items.map { journey in
            JourneysPageView.Row(
                id: journey.id, name: journey.name, status: journey.status.rawValue, version: journey.liveVersion.map { "v\($0)" } ?? "draft",
                updated: WebFormat.time(journey.updatedAt), updatedISO: WebFormat.iso(journey.updatedAt))
        }
        let mayManage = actor.may(.manageJourneys)
        let templates = mayManage ? try JourneyTemplates.listed(for: actor).map { JourneysPageView.Template(key: $0.key, name: $0.name, summary: $0.summary) } : []
        let mail = mayManage ? try await inboxes.inboxes(as: actor).filter { $0.channel == .email }.map { JourneysPageView.Inbox(id: $0.id, name: $0.name) } : []
        var next: String?
        if found.hasMore, let last = found.items.last { next = "/journeys?after=\(last.id)" }
        let view = JourneysPageView(
            rows: rows, empty: rows.isEmpty, mayManage: mayManage, templates: templates, inboxes: mail, next: next, paged: after != nil, error: error)
        return try pages.render("journeys", context, title: "Journeys", section: "journeys", view: view, status: status)
    }

    private func render(
        _ context: SignedInRequestContext, id: String, notice: String?, error: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor
        let journey = try await journeys.find(id: id, as: actor)
        let report = try await journeys.report(id: id, as: actor)
        let counts = Dictionary(report.steps.map { ($0.stepKey, $0) }, uniquingKeysWith: { first, _ in first })
        let definition = try await journeys.shownDefinition(id: id, as: actor)
        let flow = definition.map(JourneyFlow.init)
        let stats = report.stats
        // What the journey brought (conversions, revenue) shows to the insights' roles, as a campaign's does.
        let outcomes = actor.may(.viewInsights)
        let money = { (amounts: [String: Int64]) in
            amounts.isEmpty ? "none" : amounts.sorted { $0.key < $1.key }.map { WebFormat.money($0.value, $0.key) }.joined(separator: ", ")
        }
        var tiles = [
            JourneyPageView.Tile(key: "entered", figure: "\(stats.entered)", words: "entered"),
            JourneyPageView.Tile(key: "in_flight", figure: "\(stats.inFlight)", words: "in the journey now"),
        ]
        if outcomes {
            tiles.append(JourneyPageView.Tile(
                key: "converted", figure: "\(stats.converted)", words: stats.conversionRate.map { String(format: "converted (%.1f%%)", $0 * 100) } ?? "converted"))
            if stats.heldOut > 0 {
                tiles.append(JourneyPageView.Tile(
                    key: "held_out", figure: "\(stats.heldOut)",
                    words: stats.holdoutConversionRate.map { String(format: "held out, %.1f%% of them converted", $0 * 100) } ?? "held out"))
            }
            if !stats.revenue.isEmpty || !stats.heldOutRevenue.isEmpty {
                tiles.append(JourneyPageView.Tile(
                    key: "revenue", figure: money(stats.revenue),
                    words: "ordered in the goal's window" + (stats.heldOut > 0 ? " (held out: \(money(stats.heldOutRevenue)))" : "")))
            }
        }
        // The shown version's steps, then any a later or earlier version has with customers still in them.
        var keys = flow?.nodes.map { ($0.stepKey, $0.title) } ?? []
        for count in report.steps where !keys.contains(where: { $0.0 == count.stepKey }) && count.waiting > 0 {
            keys.append((count.stepKey, "(another version's step)"))
        }
        let steps = keys.map { key, title in
            let count = counts[key] ?? JourneyStepCount(stepKey: key, waiting: 0, passed: 0)
            return JourneyPageView.Step(
                key: key, title: title, waiting: count.waiting, passed: count.passed, skipped: count.skipped, sent: count.sent,
                converted: count.converted, revenue: outcomes ? money(count.revenue) : "")
        }
        let manages = actor.may(.manageJourneys)
        // Publishing is offered while the draft says something the live version does not.
        let changed = journey.liveVersion == nil || (try? JourneyDefinitionParser.parse(journey.draft)) != definition
        let view = JourneyPageView(
            id: journey.id, name: journey.name, status: journey.status.rawValue, version: journey.liveVersion.map { "version \($0)" } ?? "not published",
            flow: flow.map { JourneyFlowSVG.draw($0, counts: counts, title: "The steps of \(journey.name)") } ?? "",
            tiles: tiles, steps: steps, showsOutcomes: outcomes, mayPublish: manages && journey.status != .archived && changed,
            publishWords: journey.liveVersion == nil ? "Publish" : "Publish the draft as version \((journey.liveVersion ?? 0) + 1)", mayPause: manages && journey.status == .live,
            mayResume: manages && journey.status == .paused, mayArchive: manages && journey.status != .archived,
            showsDraft: journey.liveVersion == nil, notice: notice, actionError: error)
        return try pages.render("journey", context, title: journey.name, section: "journeys", view: view, status: status)
    }

    private static func notice(_ done: String) -> String? {
        switch done {
        case "created": "The draft is saved: check its steps, then publish it to let customers in."
        case "published": "Published: new entrants take this version; those in it stay on theirs."
        case "paused": "Paused: nobody enters or moves on; its queued messages wait."
        case "resumed": "Resumed."
        case "archived": "Archived: everyone in it was taken out."
        default: nil
        }
    }

    private static func id(_ context: SignedInRequestContext) throws -> String {
        try PathID.require(context, .journey, "journey")
    }
}
