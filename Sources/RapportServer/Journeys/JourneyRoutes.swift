import Hummingbird
import RapportCore

/// `/api/v1/journeys`: the built-in journeys, drafts written and changed, published into
/// frozen versions, paused, resumed and archived; customers let in by hand; the report; and
/// `GET /api/v1/customers/{id}/journeys`, the journeys a customer is or was in (ADR 0013).
struct JourneyRoutes {
    let journeys: JourneyService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("journeys/templates", requiring: .viewJourneys) { _, context in
            let templates = try JourneyTemplates.listed(for: context.actor)
            return try JSONResponse.make(ListResponse(data: try templates.map(JourneyTemplateResponse.init), hasMore: false, lastID: nil))
        }
        group.get("journeys", requiring: .viewJourneys, use: list)
        group.post("journeys", requiring: .manageJourneys, use: create)
        group.get("journeys/:id", requiring: .viewJourneys, use: show)
        group.patch("journeys/:id", requiring: .manageJourneys, use: update)
        group.delete("journeys/:id", requiring: .manageJourneys, use: delete)
        group.get("journeys/:id/report", requiring: .viewJourneys, use: report)
        group.post("journeys/:id/publish", requiring: .manageJourneys) { _, context in
            try await transition(context) { try await journeys.publish(id: $0, as: context.actor) }
        }
        group.post("journeys/:id/pause", requiring: .manageJourneys) { _, context in
            try await transition(context) { try await journeys.pause(id: $0, as: context.actor) }
        }
        group.post("journeys/:id/resume", requiring: .manageJourneys) { _, context in
            try await transition(context) { try await journeys.resume(id: $0, as: context.actor) }
        }
        group.post("journeys/:id/archive", requiring: .manageJourneys) { _, context in
            try await transition(context) { try await journeys.archive(id: $0, as: context.actor) }
        }
        group.post("journeys/:id/enrolments", requiring: .manageJourneys, use: enrol)
        group.get("customers/:id/journeys", requiring: .viewJourneys) { _, context in
            let customerID = try PathID.require(context, .customer, "customer")
            let enrolments = try await journeys.enrolments(ofCustomer: customerID, as: context.actor)
            return try JSONResponse.make(ListResponse(data: enrolments.map(JourneyEnrolmentResponse.init), hasMore: false, lastID: nil))
        }
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        var status: JourneyStatus?
        if let text = request.uri.queryParameters.get("status"), !text.isEmpty {
            status = JourneyStatus(rawValue: String(text))
            if status == nil { throw RapportError.invalid(field: "status", "must be one of \(JourneyStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        let found = try await journeys.list(status: status, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(data: found.items.map(JourneyResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
    }

    /// `name` and `definition`, or `template_key` with `inbox_id` (the e-mail inbox a built-in
    /// journey's messages go through) and optionally `name`.
    @Sendable func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let draft = JourneyDraft(name: body.string("name", maxLength: JourneyService.maximumNameLength), definition: Self.definition(&body))
        let templateKey = body.string("template_key", maxLength: 64)
        let inboxID = body.string("inbox_id", maxLength: 64)
        try body.finish()
        let journey = try await journeys.create(draft, templateKey: templateKey, inboxID: inboxID, as: context.actor)
        return try JSONResponse.make(JourneyResponse(journey), status: .created)
    }

    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try JSONResponse.make(JourneyResponse(try await journeys.find(id: try PathID.require(context, .journey, "journey"), as: context.actor)))
    }

    /// `name` and/or `definition` (the whole draft).
    @Sendable func update(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .journey, "journey")
        var body = try await JSONObjectReader.body(of: request, context: context)
        let draft = JourneyDraft(name: body.string("name", maxLength: JourneyService.maximumNameLength), definition: Self.definition(&body))
        try body.finish()
        return try JSONResponse.make(JourneyResponse(try await journeys.update(id: id, draft, as: context.actor)))
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await journeys.delete(id: try PathID.require(context, .journey, "journey"), as: context.actor)
        return Response(status: .noContent)
    }

    @Sendable func report(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .journey, "journey")
        return try JSONResponse.make(JourneyReportResponse(try await journeys.report(id: id, as: context.actor)))
    }

    /// `{"customer_ids": [...]}` (up to 1,000) or `{"segment_id": "seg_…"}` (its members now):
    /// 201 with the enrolments made (those the entry rule let in), the first 1,000 of them.
    @Sendable func enrol(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .journey, "journey")
        var body = try await JSONObjectReader.body(of: request, context: context)
        let customerIDs = body.stringArray("customer_ids") ?? []
        let segmentID = body.string("segment_id", maxLength: 64)
        try body.finish()
        let enrolled = try await journeys.enrol(id: id, customerIDs: customerIDs, segmentID: segmentID, as: context.actor)
        // A segment's members may be many: the first thousand made are shown, `has_more` says there were more.
        let shown = enrolled.prefix(JourneyService.maximumEnrolment)
        return try JSONResponse.make(
            ListResponse(data: shown.map(JourneyEnrolmentResponse.init), hasMore: enrolled.count > shown.count, lastID: nil), status: .created)
    }

    private func transition(_ context: AuthenticatedRequestContext, _ change: (String) async throws -> Journey) async throws -> Response {
        try JSONResponse.make(JourneyResponse(try await change(try PathID.require(context, .journey, "journey"))))
    }

    private static func definition(_ body: inout JSONObjectReader) -> JSONValue? {
        body.any("definition").flatMap { $0 == .null ? nil : $0 }
    }
}
