/// The message templates of a WhatsApp inbox's business account, read from Meta for whoever
/// writes campaigns: a WhatsApp campaign's content names one of them (see
/// `WhatsAppTemplate.problem(with:among:)`).
public struct WhatsAppTemplateService: Sendable {
    /// How long to wait before asking again when Meta could not answer.
    public static let retryAfterSeconds = 60

    public let inboxes: InboxService
    let directory: any WhatsAppTemplateDirectory

    public init(inboxes: InboxService, directory: any WhatsAppTemplateDirectory) {
        self.inboxes = inboxes
        self.directory = directory
    }

    /// The templates of the inbox's business account, by name and language. Refused (422) for an
    /// inbox of another channel and for one without `whatsapp_business_account_id`; Meta's
    /// refusal is a 422 on that setting (with Meta's words), Meta out of reach a 503 to retry.
    public func whatsAppTemplates(inboxID: String, as actor: Actor) async throws -> [WhatsAppTemplate] {
        try actor.require(.manageCampaigns)
        let inbox = try await whatsAppInbox(inboxID, workspaceID: actor.workspaceID)
        do {
            return try await directory.templates(of: inbox).sorted { ($0.name, $0.language) < ($1.name, $1.language) }
        } catch JobFailure.permanent(let reason) {
            throw RapportError.invalid(
                field: "settings.\(InboxSetting.whatsappBusinessAccountID.rawValue)",
                "names an account whose templates Meta did not list with the inbox's access token: \(reason)")
        } catch let failure as JobFailure {
            let reason = failure.reason
            throw RapportError.overloaded("WhatsApp's template list is out of reach for now: \(reason). Try again in a minute.", retryAfterSeconds: Self.retryAfterSeconds)
        }
    }

    /// Checks a WhatsApp campaign's templates (each locale's, each test variant's) against its
    /// inbox's account before it is sent: a template Meta does not list, has not approved, or
    /// whose parameters do not fit is a 422 naming where the campaign names it. Nothing is
    /// checked for another channel, or for an inbox without `whatsapp_business_account_id`
    /// (Meta then refuses a bad template message by message, and the sends fail with its words).
    public func checkTemplates(of campaign: Campaign, as actor: Actor) async throws {
        try actor.require(.manageCampaigns)
        guard campaign.channel == .whatsapp,
            let inbox = try await inboxes.store.read({ session in try await session.inboxes.inbox(id: campaign.inboxID) }),
            inbox.workspaceID == actor.workspaceID, inbox[.whatsappBusinessAccountID] != nil
        else { return }
        let templates = try await whatsAppTemplates(inboxID: inbox.id, as: actor)
        var named: [(path: String, template: TemplateMessage)] = []
        for (locale, content) in campaign.definition.content.sorted(by: { $0.key < $1.key }) {
            if let template = content.template { named.append(("definition.content.\(locale).template", template)) }
        }
        for (index, variant) in (campaign.definition.experiment?.variants ?? []).enumerated() {
            for (locale, content) in variant.content.sorted(by: { $0.key < $1.key }) {
                if let template = content.template { named.append(("definition.experiment.variants[\(index)].content.\(locale).template", template)) }
            }
        }
        for (path, template) in named {
            if let problem = WhatsAppTemplate.problem(with: template, among: templates) { throw RapportError.invalid(field: path, problem) }
        }
    }

    /// The workspace's WhatsApp inbox `id`, with a business account id of digits.
    private func whatsAppInbox(_ id: String, workspaceID: String) async throws -> Inbox {
        let found = ResourceID.isValid(id, prefix: .inbox) ? try await inboxes.store.read { session in try await session.inboxes.inbox(id: id) } : nil
        guard let inbox = found, inbox.workspaceID == workspaceID else {
            throw RapportError.notFound("No inbox \(id.prefix(64)) in this workspace.")
        }
        guard inbox.channel == .whatsapp else {
            throw RapportError.invalid(
                field: "inbox_id", "names a \(inbox.channel.rawValue) inbox; message templates are WhatsApp's: name a WhatsApp inbox")
        }
        let setting = InboxSetting.whatsappBusinessAccountID.rawValue
        guard let account = inbox[.whatsappBusinessAccountID] else {
            throw RapportError.invalid(
                field: "settings.\(setting)",
                "is not set on inbox \(inbox.id): an admin enters the WhatsApp Business Account id (WhatsApp Manager shows it) so its templates can be listed")
        }
        // It becomes part of the Graph API's path: nothing but Meta's numeric id may get there.
        guard !account.isEmpty, account.count <= 32, account.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" }) else {
            throw RapportError.invalid(field: "settings.\(setting)", "must be the account's numeric id (digits only), not \(account.prefix(40))")
        }
        return inbox
    }
}
