/// The kind of channel account an inbox is: where its messages come from and go to.
public enum InboxChannel: String, Sendable, Codable, CaseIterable {
    case email, whatsapp, messenger, instagram, sms, voice, webchat, store

    /// The identity a contact on this channel is known by.
    /// The channel consent is given for: web chat and store visits have none (they only answer).
    public var consentChannel: ConsentChannel? {
        switch self {
        case .email: .email
        case .whatsapp: .whatsapp
        case .messenger: .messenger
        case .instagram: .instagram
        case .sms: .sms
        case .voice: .voice
        case .webchat, .store: nil
        }
    }

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
    public var requiredSettings: [InboxSetting] {
        switch self {
        case .whatsapp: [.phoneNumberID, .accessToken, .appSecret, .verifyToken]
        case .messenger, .instagram: [.pageID, .pageAccessToken, .appSecret, .verifyToken]
        case .sms: [.accountSID, .authToken, .phoneNumber]
        case .voice: [.accountSID, .authToken, .phoneNumber]
        case .email: [.address, .smtpHost]
        case .webchat: [.identitySecret]
        case .store: []
        }
    }

    /// Every setting it understands (the required ones and the optional ones).
    public var knownSettings: [InboxSetting] {
        requiredSettings + {
            switch self {
            case .whatsapp, .messenger, .instagram: [.apiBaseURL]
            case .sms: [.apiBaseURL]
            case .voice: [.apiBaseURL, .greeting, .menuOrderStatus, .menuAgent, .greetingAudioURL, .voice]
            case .email: [
                .smtpPort, .smtpUsername, .smtpPassword, .smtpSecurity, .smtpCAFile, .smtpTimeoutSeconds, .displayName,
                .sendgridBasicAuth, .mailgunSigningKey, .inboundToken, .sendgridEventPublicKey, .postmarkBasicAuth, .sesSNSTopicARN, .dkimDomain, .dkimSelector,
                .dkimPrivateKey, .trackClicks, .trackOpens,
            ]
            case .webchat: [.allowedOrigin, .greeting]
            case .store: [.location]
            }
        }()
    }

    /// The settings that say where and how Rapport connects to send (the provider's API; the
    /// SMTP server, its TLS and the certificates it trusts).
    public var outgoingHostSettings: [InboxSetting] {
        switch self {
        case .email: [.smtpHost, .smtpPort, .smtpSecurity, .smtpCAFile]
        case .whatsapp, .messenger, .instagram, .sms, .voice: [.apiBaseURL]
        case .webchat, .store: []
        }
    }

    /// The credential Rapport presents there: it must be entered again with a new host.
    public var outgoingCredential: InboxSetting? {
        switch self {
        case .whatsapp: .accessToken
        case .messenger, .instagram: .pageAccessToken
        case .sms, .voice: .authToken
        case .email: .smtpPassword
        case .webchat, .store: nil
        }
    }

    /// The setting that names the provider account (how inbound webhooks find the inbox).
    public var addressSetting: InboxSetting? {
        switch self {
        case .whatsapp: .phoneNumberID
        case .messenger, .instagram: .pageID
        case .sms, .voice: .phoneNumber
        case .email: .address
        case .webchat, .store: nil
        }
    }
}
