import Hummingbird
import RapportCore

/// `/api/v1/campaigns`: campaigns by e-mail, SMS and WhatsApp to segments. Drafts are
/// written, read, listed, changed and deleted here; sending comes with the sender (ADR 0011).
struct CampaignRoutes {
    let campaigns: CampaignService
    let templates: WhatsAppTemplateService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("campaigns", use: list)
        group.post("campaigns", requiring: .manageCampaigns, use: create)
        group.get("campaigns/:id", use: show)
        group.get("campaigns/:id/report", use: report)
        group.patch("campaigns/:id", requiring: .manageCampaigns, use: update)
        group.delete("campaigns/:id", requiring: .manageCampaigns, use: delete)
        group.post("campaigns/:id/send", requiring: .manageCampaigns, use: send)
        group.post("campaigns/:id/pause", requiring: .manageCampaigns, use: pause)
        group.post("campaigns/:id/resume", requiring: .manageCampaigns, use: resume)
        group.post("campaigns/:id/cancel", requiring: .manageCampaigns, use: cancel)
        group.post("campaigns/:id/winner", requiring: .manageCampaigns, use: chooseWinner)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let page = try PageParameters.read(request)
        var status: CampaignStatus?
        if let text = request.uri.queryParameters.get("status"), !text.isEmpty {
            status = CampaignStatus(rawValue: String(text))
            if status == nil {
                throw RapportError.invalid(field: "status", "must be one of \(CampaignStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let found = try await campaigns.list(status: status, page: page, as: context.actor)
        return try JSONResponse.make(ListResponse(data: found.items.map { CampaignResponse($0) }, hasMore: found.hasMore, lastID: found.items.last?.id))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let draft = try await Self.draft(request, context: context, creating: true)
        return try JSONResponse.make(CampaignResponse(try await campaigns.create(draft, as: context.actor)), status: .created)
    }

    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .campaign, "campaign")
        let campaign = try await campaigns.find(id: id, as: context.actor)
        return try JSONResponse.make(CampaignResponse(campaign, stats: try await campaigns.stats(id: id, as: context.actor)))
    }

    @Sendable func report(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .campaign, "campaign")
        return try JSONResponse.make(CampaignReportResponse(try await campaigns.report(id: id, as: context.actor)))
    }

    /// Starts sending now: 202, the campaign `sending`; the sender resolves the audience and delivers.
    @Sendable func send(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await transition(context, status: .accepted) { id in
            try await templates.checkTemplates(of: try await campaigns.find(id: id, as: context.actor), as: context.actor)
            return try await campaigns.send(id: id, as: context.actor)
        }
    }

    @Sendable func pause(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await transition(context) { id in try await campaigns.pause(id: id, as: context.actor) }
    }

    @Sendable func resume(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await transition(context) { id in try await campaigns.resume(id: id, as: context.actor) }
    }

    @Sendable func cancel(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await transition(context) { id in try await campaigns.cancel(id: id, as: context.actor) }
    }

    /// `{"variant": "B"}`: the A/B test's variant the rest of the audience gets.
    @Sendable func chooseWinner(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let variant = body.requiredString("variant", maxLength: 20)
        try body.finish()
        guard let variant else { throw RapportError.invalid(field: "variant", "is required: the test's variant to send to the rest (`A`, `B`, …)") }
        return try await transition(context) { id in try await campaigns.chooseWinner(id: id, variant: variant, as: context.actor) }
    }

    private func transition(
        _ context: AuthenticatedRequestContext, status: HTTPResponse.Status = .ok, _ change: (String) async throws -> Campaign
    ) async throws -> Response {
        let id = try PathID.require(context, .campaign, "campaign")
        let campaign = try await change(id)
        return try JSONResponse.make(CampaignResponse(campaign, stats: try await campaigns.stats(id: id, as: context.actor)), status: status)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .campaign, "campaign")
        let draft = try await Self.draft(request, context: context, creating: false)
        return try JSONResponse.make(CampaignResponse(try await campaigns.update(id: id, draft, as: context.actor)))
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await campaigns.delete(id: try PathID.require(context, .campaign, "campaign"), as: context.actor)
        return Response(status: .noContent)
    }

    /// `name`, `channel`, `inbox_id` and `definition` (which replaces the whole definition). To
    /// create, the short form may stand in for `definition`: `segment_id`, `subject`,
    /// `preheader`, `body`, `text`. Core says what is missing.
    private static func draft(_ request: Request, context: AuthenticatedRequestContext, creating: Bool) async throws -> CampaignDraft {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var draft = CampaignDraft()
        draft.name = body.string("name", maxLength: CampaignService.maximumNameLength)
        if let channel = body.string("channel", maxLength: 20) {
            draft.channel = CampaignChannel(rawValue: channel)
            if draft.channel == nil { body.fail("channel", "must be email, sms or whatsapp") }
        }
        draft.inboxID = body.string("inbox_id", maxLength: 64)
        draft.definition = body.any("definition").flatMap { $0 == .null ? nil : $0 }
        if creating {
            let shorthand = CampaignShorthand(
                segmentID: body.string("segment_id", maxLength: 64),
                subject: body.string("subject", maxLength: CampaignDefinitionParser.maximumSubjectLength),
                preheader: body.string("preheader", maxLength: CampaignDefinitionParser.maximumPreheaderLength),
                body: body.string("body", maxLength: CampaignDefinitionParser.maximumBodyLength),
                text: body.string("text", maxLength: CampaignDefinitionParser.maximumBodyLength))
            if !shorthand.isEmpty { draft.shorthand = shorthand }
        }
        try body.finish()
        return draft
    }
}
