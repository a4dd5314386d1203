import Hummingbird
import RapportCore

/// `/api/v1/campaigns`: campaigns by e-mail, SMS and WhatsApp to segments. Drafts are
/// written, read, listed, changed and deleted here; sending comes with the sender (ADR 0011).
struct CampaignRoutes {
    let campaigns: CampaignService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("campaigns", use: list)
        group.post("campaigns", requiring: .manageCampaigns, use: create)
        group.get("campaigns/:id", use: show)
        group.patch("campaigns/:id", requiring: .manageCampaigns, use: update)
        group.delete("campaigns/:id", requiring: .manageCampaigns, use: delete)
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
        return try JSONResponse.make(ListResponse(data: found.items.map(CampaignResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let draft = try await Self.draft(request, context: context, creating: true)
        return try JSONResponse.make(CampaignResponse(try await campaigns.create(draft, as: context.actor)), status: .created)
    }

    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try JSONResponse.make(CampaignResponse(try await campaigns.find(id: try PathID.require(context, .campaign, "campaign"), as: context.actor)))
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
