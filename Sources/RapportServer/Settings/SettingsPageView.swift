/// The settings page: each section's rows and the choices its forms offer, what the
/// signed-in user may change, a secret shown once after it was made, and a refused form's
/// reason and what was typed (`{{users_error}}`, `{{users_draft.email}}`).
struct SettingsPageView: TemplateView {
    struct Option: TemplateView {
        let id: String
        let name: String
        var selected = false
    }

    struct Channel: TemplateView {
        let value: String
        let words: String
        let required: String
    }

    struct Weekday: TemplateView {
        let value: Int
        let words: String
    }

    struct User: TemplateView {
        let id: String
        let name: String
        let email: String
        let role: String
        let teams: String
        let availability: String
        let deactivated: Bool
        let isSelf: Bool
        let roles: [ChoiceView]
    }

    struct Team: TemplateView {
        let id: String
        let name: String
        let members: String
    }

    struct Inbox: TemplateView {
        let id: String
        let name: String
        let channel: String
        let team: String?
        let address: String?
        /// Where the provider posts; a store has none.
        let webhook: String?
        /// `key=value, …` without secrets, and the same one per line for editing.
        let settings: String
        let editable: String
        let secrets: String
        let teamChoices: [Option]
        let policyChoices: [Option]
    }

    struct Canned: TemplateView {
        let code: String
        let content: String
    }

    struct Policy: TemplateView {
        let name: String
        let first: String
        let next: String
        let resolution: String
        let hours: String
    }

    struct Key: TemplateView {
        let id: String
        let name: String
        let kind: String
        let prefix: String
        let created: String
        let revoked: String?
    }

    struct Source: TemplateView {
        let id: String
        let name: String
        let kind: String
        let url: String
        let created: String
    }

    struct Webhook: TemplateView {
        let id: String
        let url: String
        let events: String
        let active: Bool
    }

    struct Invited: TemplateView {
        let email: String
        let password: String
        let role: String
    }

    struct IssuedKey: TemplateView {
        let name: String
        let secret: String
    }

    struct CreatedWebhook: TemplateView {
        let url: String
        let secret: String
    }

    /// A secret the page shows once, right after it was made.
    enum ShownOnce: Sendable {
        case invited(Invited)
        case issuedKey(IssuedKey)
        case createdWebhook(CreatedWebhook)
    }

    /// A form the services refused: which one, why, and its fields as typed.
    struct Refusal: Encodable, Sendable {
        let form: String
        let message: String
        let draft: [String: String]
    }

    let mayUsers: Bool
    let mayChannels: Bool
    let mayKeys: Bool
    let mayWebhooks: Bool
    let maySetup: Bool
    let maySources: Bool
    let roles: [ChoiceView]
    let channels: [Channel]
    let teamOptions: [Option]
    let agentOptions: [Option]
    let policyOptions: [Option]
    let weekdays: [Weekday]
    let eventTypes: [ChoiceView]
    let variablesHint: String
    let users: [User]
    let teams: [Team]
    let inboxes: [Inbox]
    let canned: [Canned]
    let policies: [Policy]
    var keys: [Key]?
    var sources: [Source]?
    var sourceKinds: [ChoiceView]?
    var webhooks: [Webhook]?
    var invited: Invited?
    var issuedKey: IssuedKey?
    var createdWebhook: CreatedWebhook?
    var refusal: Refusal?

    mutating func show(_ secret: ShownOnce) {
        switch secret {
        case .invited(let invited): self.invited = invited
        case .issuedKey(let key): issuedKey = key
        case .createdWebhook(let webhook): createdWebhook = webhook
        }
    }

    func templateValues() throws -> [String: Any] {
        var values = try TemplateValueEncoder.values(of: self)
        if let refusal {
            values[refusal.form + "_error"] = refusal.message
            values[refusal.form + "_draft"] = refusal.draft
        }
        return values
    }
}
