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

    /// The settings an inbox of this channel cannot work without (an e-mail inbox needs those
    /// of its `EmailProvider` too).
    public var requiredSettings: [InboxSetting] {
        switch self {
        case .whatsapp: [.phoneNumberID, .accessToken, .appSecret, .verifyToken]
        case .messenger, .instagram: [.pageID, .pageAccessToken, .appSecret, .verifyToken]
        case .sms: [.accountSID, .authToken, .phoneNumber]
        case .voice: [.accountSID, .authToken, .phoneNumber]
        case .email: [.address]
        case .webchat: [.identitySecret]
        case .store: []
        }
    }

    /// Every setting it understands (the required ones and the optional ones).
    public var knownSettings: [InboxSetting] {
        requiredSettings + {
            switch self {
            case .whatsapp: [.apiBaseURL, .whatsappBusinessAccountID, .timeZone]
            case .messenger, .instagram: [.apiBaseURL]
            case .sms: [.apiBaseURL, .timeZone, .trackClicks]
            case .voice: [.apiBaseURL, .greeting, .menuOrderStatus, .menuAgent, .greetingAudioURL, .voice]
            case .email: [
                .emailProvider, .smtpHost, .smtpPort, .smtpUsername, .smtpPassword, .smtpSecurity, .smtpCAFile, .smtpTimeoutSeconds, .displayName,
                .sendgridBasicAuth, .mailgunSigningKey, .inboundToken, .sendgridEventPublicKey, .postmarkBasicAuth, .sesSNSTopicARN, .dkimDomain, .dkimSelector,
                .dkimPrivateKey, .trackClicks, .trackOpens, .timeZone, .apiBaseURL, .sesRegion, .sesAccessKeyID, .sesSecretAccessKey,
                .sesConfigurationSet, .sendgridAPIKey, .mailgunAPIKey, .mailgunDomain, .mailgunRegion, .postmarkServerToken,
                .postmarkMessageStream, .opensLeads,
            ]
            case .webchat: [.allowedOrigin, .greeting]
            case .store: [.location]
            }
        }()
    }

    /// Each credential Rapport presents when it sends, with the settings that say where it goes
    /// and how (the provider's API and, for Amazon SES and Mailgun, the region in its host
    /// name; the SMTP server, its TLS and the certificates it trusts). A credential must be
    /// entered again when one of its host settings changes, so it is only ever sent to a host
    /// it was given for. An e-mail inbox may hold the credentials of several providers (one
    /// in use, the others kept for switching back): each is paired with its own hosts.
    public var outgoingCredentials: [(credential: InboxSetting, hostSettings: [InboxSetting])] {
        switch self {
        case .whatsapp: [(credential: .accessToken, hostSettings: [.apiBaseURL])]
        case .messenger, .instagram: [(credential: .pageAccessToken, hostSettings: [.apiBaseURL])]
        case .sms, .voice: [(credential: .authToken, hostSettings: [.apiBaseURL])]
        case .email: [
            (credential: .smtpPassword, hostSettings: [.smtpHost, .smtpPort, .smtpSecurity, .smtpCAFile]),
            (credential: .sesSecretAccessKey, hostSettings: [.apiBaseURL, .sesRegion]),
            (credential: .sendgridAPIKey, hostSettings: [.apiBaseURL]),
            (credential: .mailgunAPIKey, hostSettings: [.apiBaseURL, .mailgunRegion]),
            (credential: .postmarkServerToken, hostSettings: [.apiBaseURL]),
        ]
        case .webchat, .store: []
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
