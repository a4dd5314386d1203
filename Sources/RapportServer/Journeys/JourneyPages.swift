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
        group.post("journeys/new", requiring: .manageJourneys, use: createBlank)
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
        group.post("journeys/:id/settings", requiring: .manageJourneys) { request, context in
            try await edit(request, context: context, part: .settings)
        }
        group.post("journeys/:id/steps", requiring: .manageJourneys, use: addStep)
        group.post("journeys/:id/steps/:key", requiring: .manageJourneys) { request, context in
            try await edit(request, context: context, part: .step(try Self.stepKey(context)))
        }
        group.post("journeys/:id/steps/:key/remove", requiring: .manageJourneys, use: removeStep)
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

    /// A new journey from a name and a trigger (`trigger`: manual, tracked with
    /// `tracked_event`, or a Rapport event), with one step to build on; then its page.
    @Sendable func createBlank(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        do {
            let trigger = try JourneyDraftForm.trigger(choice: form["trigger"] ?? "", trackedEvent: form["tracked_event"])
            let journey = try await journeys.create(JourneyDraft(name: form["name"] ?? "", definition: JourneyDraftForm.blank(trigger: trigger)), as: context.actor)
            return WebRedirect.to("/journeys/\(journey.id)?done=started&step=start#edit-step-start")
        } catch let error as RapportError {
            guard let refusal = CampaignPages.refusal(error) else { throw error }
            return try await renderList(context, after: nil, error: refusal.message, status: refusal.status)
        }
    }

    /// The settings or a step saved from its fields (`f.<path>`), or as JSON (`json`).
    private func edit(_ request: Request, context: SignedInRequestContext, part: JourneyDraftPart) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        var editing = JourneyDraftEditing(part: part)
        do {
            if let json = form["json"] {
                editing.submittedJSON = json
                _ = try await journeys.replaceDraftPart(id: id, part: part, json: json, as: context.actor)
            } else {
                let prefix = "f."
                editing.submitted = Dictionary(
                    form.fields.filter { $0.0.hasPrefix(prefix) }.map { (String($0.0.dropFirst(prefix.count)), $0.1) }, uniquingKeysWith: { first, _ in first })
                _ = try await journeys.editDraft(id: id, part: part, values: editing.submitted, as: context.actor)
            }
            return WebRedirect.to("/journeys/\(id)?done=saved" + Self.anchor(part))
        } catch let error as RapportError {
            guard let refusal = CampaignPages.refusal(error) else { throw error }
            return try await render(context, id: id, notice: nil, error: refusal.message, status: refusal.status, editing: editing)
        }
    }

    /// A step of `type` keyed `key` after the step `after`.
    @Sendable func addStep(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        let key = (form["key"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            _ = try await journeys.addStep(id: id, type: form["type"] ?? "", key: key, after: form["after"] ?? "", as: context.actor)
            return WebRedirect.to("/journeys/\(id)?done=step_added" + Self.anchor(.step(key)))
        } catch let error as RapportError {
            guard let refusal = CampaignPages.refusal(error) else { throw error }
            return try await render(context, id: id, notice: nil, error: refusal.message, status: refusal.status)
        }
    }

    @Sendable func removeStep(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let key = try Self.stepKey(context)
        _ = try await WebForm.read(request, context: context)
        do {
            _ = try await journeys.removeStep(id: id, key: key, as: context.actor)
            return WebRedirect.to("/journeys/\(id)?done=step_removed#journey-editor")
        } catch let error as RapportError {
            guard let refusal = CampaignPages.refusal(error) else { throw error }
            return try await render(context, id: id, notice: nil, error: refusal.message, status: refusal.status, editing: JourneyDraftEditing(part: .step(key)))
        }
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let done = request.uri.queryParameters["done"].map(String.init)
        let opened = request.uri.queryParameters["part"] == "settings"
            ? JourneyDraftPart.settings : request.uri.queryParameters["step"].map { JourneyDraftPart.step(String($0)) }
        return try await render(context, id: try Self.id(context), notice: done.flatMap(Self.notice), error: nil, editing: JourneyDraftEditing(part: opened))
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
            rows: rows, empty: rows.isEmpty, mayManage: mayManage, templates: templates, inboxes: mail, events: mayManage ? JourneyEvent.domainNames.sorted() : [], next: next, paged: after != nil, error: error)
        return try pages.render("journeys", context, title: "Journeys", section: "journeys", view: view, status: status)
    }

    private func render(
        _ context: SignedInRequestContext, id: String, notice: String?, error: String?, status: HTTPResponse.Status = .ok,
        editing: JourneyDraftEditing = JourneyDraftEditing()
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
            showsDraft: journey.liveVersion == nil,
            editor: manages && journey.status != .archived ? JourneyDraftEditing.view(JourneyDraftForm.forms(of: journey.draft), editing: editing) : nil,
            notice: notice, actionError: error)
        return try pages.render("journey", context, title: journey.name, section: "journeys", view: view, status: status)
    }

    private static func notice(_ done: String) -> String? {
        switch done {
        case "created": "The draft is saved: check its steps, then publish it to let customers in."
        case "published": "Published: new entrants take this version; those in it stay on theirs."
        case "paused": "Paused: nobody enters or moves on; its queued messages wait."
        case "resumed": "Resumed."
        case "archived": "Archived: everyone in it was taken out."
        case "started": "The journey is started with one step: add the next ones below, then publish it."
        case "saved": "The draft is saved."
        case "step_added": "The step is added to the draft: fill it in below."
        case "step_removed": "The step is taken out of the draft; the ways to it go where it went."
        default: nil
        }
    }

    /// `?step=…` (or `?part=settings`) opening the part saved, and the anchor that scrolls to it.
    private static func anchor(_ part: JourneyDraftPart) -> String {
        switch part {
        case .settings: "&part=settings#edit-settings"
        case .step(let key): "&step=\(WebRedirect.encoded(key))#edit-step-\(WebRedirect.encoded(key))"
        }
    }

    private static func stepKey(_ context: SignedInRequestContext) throws -> String {
        guard let key = context.parameters.get("key"), !key.isEmpty, key.count <= 64 else { throw RapportError.notFound("No such step.") }
        return key
    }

    private static func id(_ context: SignedInRequestContext) throws -> String {
        try PathID.require(context, .journey, "journey")
    }
}
