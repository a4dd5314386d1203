/// How a customer may be reached under a consent: each is agreed to separately. `web` is the
/// store's site and apps themselves (tracking, personal suggestions there), where consent
/// banners ask.
public enum ConsentChannel: String, Sendable, Codable, CaseIterable {
    case email, sms, whatsapp, messenger, instagram, voice, push, mail, web

    /// The channels an identity of this kind reaches: an e-mail address e-mail; a phone
    /// number SMS and calls; a WhatsApp, Messenger or Instagram id its own app.
    public static func reaching(_ kind: IdentityKind) -> [ConsentChannel] {
        switch kind {
        case .email: [.email]
        case .phone: [.sms, .voice]
        case .whatsapp: [.whatsapp]
        case .messenger: [.messenger]
        case .instagram: [.instagram]
        case .external, .anonymous: []
        }
    }
}
