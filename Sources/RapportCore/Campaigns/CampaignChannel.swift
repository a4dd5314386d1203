/// The channels a campaign sends on. Each sends through an inbox of the same channel: an
/// e-mail campaign through a mailbox's SMTP settings, an SMS campaign through an SMS number.
public enum CampaignChannel: String, Sendable, CaseIterable {
    case email
    case sms
    case whatsapp

    /// The kind of inbox the campaign sends through.
    public var inboxChannel: InboxChannel {
        switch self {
        case .email: .email
        case .sms: .sms
        case .whatsapp: .whatsapp
        }
    }

    /// The identities its messages go to, the preferred first: an e-mail address; a phone
    /// number; a WhatsApp id, else a phone number (WhatsApp reaches a number by its digits).
    public var addressKinds: [IdentityKind] {
        switch self {
        case .email: [.email]
        case .sms: [.phone]
        case .whatsapp: [.whatsapp, .phone]
        }
    }

    /// Whether its messages carry a subject and a preheader (only e-mail's do).
    public var hasSubject: Bool { self == .email }

    /// How messages name the channel: `e-mail`, `SMS`, `WhatsApp`.
    public var label: String {
        switch self {
        case .email: "e-mail"
        case .sms: "SMS"
        case .whatsapp: "WhatsApp"
        }
    }
}
