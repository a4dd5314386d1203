/// The settings an inbox can have, by the name the API and the settings page use. Which ones
/// a channel requires and understands is `InboxChannel`'s to say.
public enum InboxSetting: String, Sendable, CaseIterable {
    // WhatsApp Cloud API
    case phoneNumberID = "phone_number_id"
    case accessToken = "access_token"
    /// The WhatsApp Business Account the number belongs to: its approved message templates
    /// are listed from it (`GET /{waba_id}/message_templates`).
    case whatsappBusinessAccountID = "whatsapp_business_account_id"
    // Meta apps (WhatsApp, Messenger, Instagram)
    case appSecret = "app_secret"
    case verifyToken = "verify_token"
    // Messenger and Instagram
    case pageID = "page_id"
    case pageAccessToken = "page_access_token"
    // Twilio (SMS, voice)
    case accountSID = "account_sid"
    case authToken = "auth_token"
    case phoneNumber = "phone_number"
    /// Where the provider's API is (tests and proxies); its public address when absent.
    case apiBaseURL = "api_base_url"
    // The voice menu
    case greeting
    case greetingAudioURL = "greeting_audio_url"
    case menuOrderStatus = "menu_order_status"
    case menuAgent = "menu_agent"
    case voice
    // E-mail
    case address
    case displayName = "display_name"
    case smtpHost = "smtp_host"
    case smtpPort = "smtp_port"
    case smtpUsername = "smtp_username"
    case smtpPassword = "smtp_password"
    case smtpSecurity = "smtp_security"
    case smtpCAFile = "smtp_ca_file"
    case smtpTimeoutSeconds = "smtp_timeout_seconds"
    case sendgridBasicAuth = "sendgrid_basic_auth"
    case mailgunSigningKey = "mailgun_signing_key"
    case inboundToken = "inbound_token"
    /// SendGrid's Event Webhook verification key (base64 DER of its P-256 public key).
    case sendgridEventPublicKey = "sendgrid_event_public_key"
    /// The `user:password` Postmark's webhooks carry (set in Postmark's webhook URL).
    case postmarkBasicAuth = "postmark_basic_auth"
    /// The Amazon SNS topic (its ARN, `arn:aws:sns:<region>:<account>:<name>`) Amazon SES
    /// publishes this inbox's bounces, complaints and deliveries to; SNS messages of any other
    /// topic are refused, however well signed.
    case sesSNSTopicARN = "ses_sns_topic_arn"
    /// How campaign e-mail goes out (`EmailProvider`): `smtp` (the inbox's SMTP server, unless
    /// set), or the HTTP API of `ses`, `sendgrid`, `mailgun` or `postmark`.
    case emailProvider = "email_provider"
    /// Amazon SES v2: the region (`eu-west-1`), the IAM access key that may `ses:SendEmail`,
    /// and optionally the configuration set the messages are sent through.
    case sesRegion = "ses_region"
    case sesAccessKeyID = "ses_access_key_id"
    case sesSecretAccessKey = "ses_secret_access_key"
    case sesConfigurationSet = "ses_configuration_set"
    /// SendGrid's Mail Send API key.
    case sendgridAPIKey = "sendgrid_api_key"
    /// Mailgun: the API key, the sending domain, and where the account lives (`us`, unless
    /// set, or `eu`).
    case mailgunAPIKey = "mailgun_api_key"
    case mailgunDomain = "mailgun_domain"
    case mailgunRegion = "mailgun_region"
    /// Postmark: the server's API token, and the message stream (`broadcast` unless set).
    case postmarkServerToken = "postmark_server_token"
    case postmarkMessageStream = "postmark_message_stream"
    /// The domain (`d=`) and selector (`s=`) campaign e-mail is DKIM-signed for, and the
    /// private key (PEM); `rapport dkim generate` sets all three.
    case dkimDomain = "dkim_domain"
    case dkimSelector = "dkim_selector"
    case dkimPrivateKey = "dkim_private_key"
    /// `off` sends campaign links straight to their targets instead of through the click
    /// redirect (an e-mail inbox's, or an SMS inbox's short links); on unless set.
    case trackClicks = "track_clicks"
    /// `off` leaves the open pixel out of campaign e-mail; on unless set.
    case trackOpens = "track_opens"
    /// `on` makes the inbox a sales inbox (`sales@…`): each new conversation opens a lead on
    /// its customer (ADR 0015). Off unless set.
    case opensLeads = "opens_leads"
    /// The store's IANA time zone (`Asia/Jakarta`): campaigns time a recipient by it when
    /// neither their profile nor their phone number says where they are. UTC unless set.
    case timeZone = "time_zone"
    // Web chat
    case identitySecret = "identity_secret"
    case allowedOrigin = "allowed_origin"
    // A store
    case location

    /// A secret: sealed at rest, never shown back by the API.
    public var isSecret: Bool {
        switch self {
        case .accessToken, .appSecret, .verifyToken, .pageAccessToken, .authToken, .smtpPassword, .identitySecret,
            .sendgridBasicAuth, .mailgunSigningKey, .inboundToken, .postmarkBasicAuth, .dkimPrivateKey, .sesSecretAccessKey,
            .sendgridAPIKey, .mailgunAPIKey, .postmarkServerToken:
            true
        default:
            false
        }
    }

    /// Whether a stored or given setting name is a secret one.
    public static func isSecret(_ name: String) -> Bool {
        InboxSetting(rawValue: name)?.isSecret ?? false
    }
}
