/// The kind of channel account an inbox is: where its messages come from and go to.
public enum InboxChannel: String, Sendable, Codable, CaseIterable {
    case email, whatsapp, messenger, instagram, sms, voice, webchat, store

    /// The identity a contact on this channel is known by.
    public var identityKind: IdentityKind? {
        switch self {
        case .email: .email
        case .whatsapp: .whatsapp
        case .messenger: .messenger
        case .instagram: .instagram
        case .sms, .voice: .phone
        case .webchat, .store: nil
        }
    }

    /// Where its messages show on the customer's timeline.
    public var timelineChannel: InteractionChannel {
        switch self {
        case .email: .email
        case .whatsapp: .whatsapp
        case .messenger: .messenger
        case .instagram: .instagram
        case .sms: .sms
        case .voice: .phone
        case .webchat: .chat
        case .store: .store
        }
    }

    /// The settings an inbox of this channel cannot work without.
    public var requiredSettings: [String] {
        switch self {
        case .whatsapp: ["phone_number_id", "access_token", "app_secret", "verify_token"]
        case .messenger, .instagram: ["page_id", "page_access_token", "app_secret", "verify_token"]
        case .sms: ["account_sid", "auth_token", "phone_number"]
        case .voice: ["account_sid", "auth_token", "phone_number"]
        case .email: ["address", "smtp_host"]
        case .webchat: ["identity_secret"]
        case .store: []
        }
    }

    /// Every setting it understands (the required ones and the optional ones).
    public var knownSettings: [String] {
        requiredSettings + {
            switch self {
            case .whatsapp, .messenger, .instagram: ["api_base_url"]
            case .sms: ["api_base_url"]
            case .voice: ["api_base_url", "greeting", "menu_order_status", "menu_agent", "greeting_audio_url", "voice"]
            case .email: ["smtp_port", "smtp_username", "smtp_password", "smtp_security", "smtp_ca_file", "smtp_timeout_seconds", "display_name", "sendgrid_basic_auth", "mailgun_signing_key", "inbound_token"]
            case .webchat: ["allowed_origin", "greeting"]
            case .store: ["location"]
            }
        }()
    }

    /// Settings that are secrets: never shown back by the API.
    public static let secretSettings: Set<String> = [
        "access_token", "app_secret", "verify_token", "page_access_token", "auth_token", "smtp_password", "identity_secret",
        "sendgrid_basic_auth", "mailgun_signing_key", "inbound_token",
    ]

    /// The settings that say where and how Rapport connects to send (the provider's API; the
    /// SMTP server, its TLS and the certificates it trusts).
    public var outgoingHostSettings: [String] {
        switch self {
        case .email: ["smtp_host", "smtp_port", "smtp_security", "smtp_ca_file"]
        case .whatsapp, .messenger, .instagram, .sms, .voice: ["api_base_url"]
        case .webchat, .store: []
        }
    }

    /// The credential Rapport presents there: it must be entered again with a new host.
    public var outgoingCredential: String? {
        switch self {
        case .whatsapp: "access_token"
        case .messenger, .instagram: "page_access_token"
        case .sms, .voice: "auth_token"
        case .email: "smtp_password"
        case .webchat, .store: nil
        }
    }

    /// The setting that names the provider account (how inbound webhooks find the inbox).
    public var addressSetting: String? {
        switch self {
        case .whatsapp: "phone_number_id"
        case .messenger, .instagram: "page_id"
        case .sms, .voice: "phone_number"
        case .email: "address"
        case .webchat, .store: nil
        }
    }
}
