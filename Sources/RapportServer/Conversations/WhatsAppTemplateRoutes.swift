import Hummingbird
import RapportCore

/// `GET /api/v1/inboxes/{id}/whatsapp_templates`: the message templates of a WhatsApp inbox's
/// business account, read from Meta when asked, for those who write campaigns.
struct WhatsAppTemplateRoutes {
    let templates: WhatsAppTemplateService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("inboxes/:id/whatsapp_templates", requiring: .manageCampaigns) { _, context in
            let listed = try await templates.whatsAppTemplates(inboxID: try context.parameters.require("id"), as: context.actor)
            return try JSONResponse.make(ListResponse(data: listed.map(WhatsAppTemplateResponse.init), hasMore: false, lastID: nil))
        }
    }
}
