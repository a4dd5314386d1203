import Hummingbird
import RapportCore

/// `POST /api/v1/campaigns/{id}/preview`: the campaign's e-mail as a customer (or a sample
/// with no name) would get it, rendered by the sender's own code with links that do nothing;
/// `POST /api/v1/campaigns/{id}/test_send`: that e-mail sent once, `[Test] ` before its
/// subject, to a user of the workspace (the signed-in user, or the user `address` names),
/// never counted in the campaign's send log or stats; `POST /api/v1/campaigns/{id}/link_check`:
/// the campaign's links in every version, what is wrong with each, and what fetching each found.
struct CampaignPreviewRoutes {
    let sender: CampaignDispatcher
    let linkProbe: any LinkProbe

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("campaigns/:id/preview", requiring: .viewCampaigns, use: preview)
        group.post("campaigns/:id/test_send", requiring: .manageCampaigns, use: testSend)
        group.post("campaigns/:id/link_check", requiring: .manageCampaigns, use: checkLinks)
    }

    /// `{"customer_id"?, "locale"?, "variant"?}`.
    @Sendable func preview(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .campaign, "campaign")
        var body = try await JSONObjectReader.body(of: request, context: context)
        let customerID = body.string("customer_id", maxLength: 64)
        let locale = body.string("locale", maxLength: 35)
        let variant = body.string("variant", maxLength: 20)
        try body.finish()
        let preview = try await sender.preview(id: id, customerID: customerID, locale: locale, variant: variant, as: context.actor)
        return try JSONResponse.make(CampaignPreviewResponse(preview))
    }

    /// `{"customer_id"?, "locale"?, "variant"?, "address"?}`; 200 once the mail server took it.
    @Sendable func testSend(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .campaign, "campaign")
        var body = try await JSONObjectReader.body(of: request, context: context)
        let customerID = body.string("customer_id", maxLength: 64)
        let locale = body.string("locale", maxLength: 35)
        let variant = body.string("variant", maxLength: 20)
        let address = body.string("address", maxLength: 320)
        try body.finish()
        let sent = try await sender.testSend(id: id, customerID: customerID, locale: locale, variant: variant, to: address, as: context.actor)
        return try JSONResponse.make(CampaignTestSendResponse(sent))
    }

    /// `{"customer_id"?}`: whose values fill personalised links (absent: the sample recipient).
    @Sendable func checkLinks(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .campaign, "campaign")
        var body = try await JSONObjectReader.body(of: request, context: context)
        let customerID = body.string("customer_id", maxLength: 64)
        try body.finish()
        let report = try await sender.checkLinks(id: id, customerID: customerID, probe: linkProbe, as: context.actor)
        return try JSONResponse.make(CampaignLinkReportResponse(report))
    }
}
