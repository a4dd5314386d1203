/// Where a WhatsApp inbox's message templates are read: Meta's Graph API
/// (`GET /{waba_id}/message_templates`) in production, a stand-in in tests.
public protocol WhatsAppTemplateDirectory: Sendable {
    /// Every template of the business account `inbox` names in its `whatsapp_business_account_id`,
    /// read with its access token (and at its `api_base_url`, when set). Throws a `JobFailure`:
    /// `retry` when Meta could not be reached or asked to wait, `permanent` when it refused.
    func templates(of inbox: Inbox) async throws -> [WhatsAppTemplate]
}
