import Foundation
import Hummingbird
import RapportCore

/// `/segments`: the workspace's segments and lists with their sizes; the builder for a new
/// segment and for changing one (conditions in nested groups, counted live through
/// `POST /api/v1/segments/preview` while editing); a segment's page with its definition in
/// words, size over time, where it is used and its members; rebuilding, freezing into a list
/// and deleting. Everyone signed in sees them; admins, managers and marketers build them.
struct SegmentPages {
    static let emptyDefinition = #"{"all":[]}"#
    /// How far back the size chart reaches.
    static let chartDays = 90

    let segments: SegmentService
    let pages: WebPages
    let clock: any WallClock

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("segments", requiring: .viewSegments, use: list)
        group.get("segments/new", requiring: .manageSegments, use: newSegment)
        group.post("segments", requiring: .manageSegments, use: create)
        group.get("segments/:id", requiring: .viewSegments, use: show)
        group.get("segments/:id/edit", requiring: .manageSegments, use: edit)
        group.post("segments/:id", requiring: .manageSegments, use: update)
        group.post("segments/:id/rebuild", requiring: .manageSegments, use: rebuild)
        group.post("segments/:id/freeze", requiring: .manageSegments, use: freeze)
        group.post("segments/:id/delete", requiring: .manageSegments, use: delete)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let all = try await segments.list(as: context.actor)
        let rows = all.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }.map { segment in
            SegmentsPageView.Row(
                id: segment.id, name: segment.name, description: segment.description, kind: SegmentWording.kind(segment.kind),
                isList: segment.kind == .list, members: segment.memberCount, updated: WebFormat.time(segment.updatedAt),
                updatedISO: WebFormat.iso(segment.updatedAt))
        }
        let view = SegmentsPageView(rows: rows, empty: rows.isEmpty, mayManage: context.actor.may(.manageSegments))
        return try pages.render("segments", context, title: "Segments", section: "segments", view: view)
    }

    @Sendable func newSegment(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await builder(context, segment: nil, name: "", description: "", definition: Self.emptyDefinition)
    }

    /// `name`, `description` and `definition` (JSON, as the builder writes it or as typed).
    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let name = form["name"] ?? ""
        let description = form["description"] ?? ""
        let definition = form["definition"] ?? ""
        do {
            let draft = SegmentDraft(name: name, description: .some(description), kind: .dynamic, definition: try Self.definition(definition))
            let segment = try await segments.create(draft, as: context.actor)
            return WebRedirect.to("/segments/\(segment.id)")
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            return try await builder(
                context, segment: nil, name: name, description: description, definition: definition, error: refusal.message,
                errorField: refusal.field, status: refusal.status)
        }
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await render(request, context: context, id: try Self.id(context))
    }

    @Sendable func edit(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let segment = try await segments.find(id: try Self.id(context), as: context.actor)
        return try await builder(
            context, segment: segment, name: segment.name, description: segment.description ?? "",
            definition: segment.definition.map { Self.text($0.json) } ?? "")
    }

    /// Renames, redescribes and (a segment, not a list) redefines; a new definition rebuilds it.
    @Sendable func update(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        let name = form["name"] ?? ""
        let description = form["description"] ?? ""
        let definition = form["definition"] ?? ""
        let segment = try await segments.find(id: id, as: context.actor)
        do {
            var draft = SegmentDraft(name: name, description: .some(description))
            if segment.kind == .dynamic { draft.definition = try Self.definition(definition) }
            _ = try await segments.update(id: id, draft, as: context.actor)
            return WebRedirect.to("/segments/\(id)")
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            return try await builder(
                context, segment: segment, name: name, description: description, definition: definition, error: refusal.message,
                errorField: refusal.field, status: refusal.status)
        }
    }

    @Sendable func rebuild(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        _ = try await WebForm.read(request, context: context)
        let moved = try await segments.rebuild(id: id, as: context.actor)
        return WebRedirect.to("/segments/\(id)?entered=\(moved.entered)&left=\(moved.left)")
    }

    /// A new list holding the members now, named as typed; on to the list.
    @Sendable func freeze(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        do {
            let list = try await segments.freeze(id: id, name: form["name"] ?? "", as: context.actor)
            return WebRedirect.to("/segments/\(list.id)")
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            return try await render(request, context: context, id: id, status: refusal.status) { $0.actionError = refusal.message }
        }
    }

    /// Deletes the segment or list; one another segment names stays, and its page says why.
    @Sendable func delete(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        _ = try await WebForm.read(request, context: context)
        do {
            try await segments.delete(id: id, as: context.actor)
        } catch RapportError.conflict(let message) {
            return try await render(request, context: context, id: id, status: .conflict) { $0.actionError = message }
        }
        return WebRedirect.to("/segments")
    }

    // MARK: Rendering

    /// The segment's page: `?after=cus_…` pages through the members, `?entered=&left=` says
    /// what a rebuild moved; `adjust` puts a refused action's message on it.
    private func render(
        _ request: Request, context: SignedInRequestContext, id: String, status: HTTPResponse.Status = .ok,
        adjust: (inout SegmentPageView) -> Void = { _ in }
    ) async throws -> Response {
        let actor = context.actor
        let segment = try await segments.find(id: id, as: actor)
        let all = try await segments.list(as: actor)
        let query = request.uri.queryParameters
        let after = query["after"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .customer) ? $0 : nil }
        let page = try await segments.members(id: id, page: try PageRequest(limit: 50, startingAfter: after), as: actor)
        let now = clock.now()
        let sizes = try await segments.sizes(id: id, since: now.addingTimeInterval(-Double(Self.chartDays) * 86_400), as: actor)
        let rows = page.items.map { customer in
            SegmentPageView.Member(
                id: customer.id, name: WebFormat.customerName(customer), email: customer.identities.first { $0.kind == .email }?.value,
                since: WebFormat.day(customer.createdAt))
        }
        var next: String?
        if page.hasMore, let last = page.items.last { next = "/segments/\(id)?after=\(last.id)" }
        var notice: String?
        if let entered = query["entered"].flatMap({ Int(String($0)) }), let left = query["left"].flatMap({ Int(String($0)) }) {
            notice = "Rebuilt from scratch: \(entered) entered, \(left) left."
        }
        let names = Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let usedBy = all.filter { $0.id != id && $0.definition?.referencedSegmentIDs.contains(id) == true }
            .map { SegmentPageView.Reference(id: $0.id, name: $0.name, kind: SegmentWording.kind($0.kind)) }
        var view = SegmentPageView(
            id: segment.id, name: segment.name, description: segment.description, kind: SegmentWording.kind(segment.kind),
            isList: segment.kind == .list, members: segment.memberCount, createdBy: segment.createdBy, created: WebFormat.time(segment.createdAt),
            updated: WebFormat.time(segment.updatedAt), built: segment.builtAt.map(WebFormat.time),
            summary: segment.definition.map { SegmentSummary($0, names: names) },
            sizeChart: Self.sizeChart(sizes, today: now, members: segment.memberCount, name: segment.name),
            usedBy: usedBy, rows: rows, empty: rows.isEmpty, next: next, paged: after != nil,
            exportHref: "/segments/\(id)/members.csv", mayExport: actor.may(.exportSegmentMembers), mayManage: actor.may(.manageSegments),
            freezeName: String("\(segment.name) on \(WebFormat.day(now))".prefix(SegmentService.maximumNameLength)), notice: notice)
        adjust(&view)
        return try pages.render("segment", context, title: segment.name, section: "segments", view: view, status: status)
    }

    private func builder(
        _ context: SignedInRequestContext, segment: Segment?, name: String, description: String, definition: String,
        error: String? = nil, errorField: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        // A condition may name any other segment or list; the one edited cannot name itself.
        let others = try await segments.list(as: context.actor).filter { $0.id != segment?.id }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let view = SegmentBuilderPageView(
            id: segment?.id, name: name, description: description, isList: segment?.kind == .list, definition: definition,
            catalogue: SegmentBuilderCatalog(segments: others).json,
            action: segment.map { "/segments/\($0.id)" } ?? "/segments", back: segment.map { "/segments/\($0.id)" } ?? "/segments",
            error: error, errorField: errorField, members: segment?.memberCount)
        let title = segment.map { "Edit \($0.name)" } ?? "New segment"
        return try pages.render("segment_builder", context, title: title, section: "segments", view: view, status: status)
    }

    /// The member count per day as bars: the recorded sizes, with today's count as it is now.
    static func sizeChart(_ sizes: [(day: Date, members: Int)], today: Date, members: Int, name: String) -> String {
        var points = sizes.map { (day: WebFormat.day($0.day), members: $0.members) }
        let todayText = WebFormat.day(today)
        points.removeAll { $0.day == todayText }
        points.append((day: todayText, members: members))
        return SVGChart.days(
            labels: points.map { String($0.day.suffix(5)) },
            series: [SVGChart.Series(name: "members", cssClass: "series-a", values: points.map(\.members))],
            title: "Members of \(name) per day")
    }

    // MARK: Reading forms

    /// A refusal the page shows: its words, the part at fault, and the status.
    private static func refusal(_ error: RapportError) -> (message: String, field: String?, status: HTTPResponse.Status)? {
        switch error {
        case .invalid(let problems):
            return (message: problems.map(WebFormat.problem).joined(separator: " "), field: problems.first?.field, status: .unprocessableContent)
        case .conflict(let message):
            return (message: message, field: nil, status: .conflict)
        default:
            return nil
        }
    }

    /// The form's definition: JSON, as the builder wrote it or as typed.
    static func definition(_ text: String) throws -> JSONValue {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RapportError.invalid(field: "definition", "is required: the conditions, as JSON")
        }
        do {
            return try JSONParser.parse(Array(text.utf8))
        } catch {
            throw RapportError.invalid(field: "definition", "is not JSON: \(error.message) at character \(error.offset + 1)")
        }
    }

    /// A definition as the form's JSON.
    static func text(_ json: JSONValue) -> String {
        var writer = JSONWriter()
        writer.value(json)
        return writer.text
    }

    private static func id(_ context: SignedInRequestContext) throws -> String {
        try PathID.require(context, .segment, "segment")
    }
}
