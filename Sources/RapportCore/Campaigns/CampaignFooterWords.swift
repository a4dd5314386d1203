/// The footer's words in the recipient's language: English, or Indonesian for `id`.
public struct CampaignFooterWords: Sendable, Equatable {
    public let lang: String
    public let preferences: String
    public let unsubscribe: String
    public let reason: String
    /// The line an SMS campaign ends with when its text gives no way out (carriers' and the
    /// CTIA's rule for marketing texts; the provider takes the STOP reply).
    public let smsOptOut: String

    public init(locale: String) {
        if locale.lowercased().hasPrefix("id") {
            lang = "id"
            preferences = "Atur preferensi"
            unsubscribe = "Berhenti berlangganan"
            reason = "Anda menerima e-mail ini karena setuju menerima kabar dari"
            smsOptOut = "Balas STOP untuk berhenti"
        } else {
            lang = "en"
            preferences = "Preferences"
            unsubscribe = "Unsubscribe"
            reason = "You receive this e-mail because you agreed to hear from"
            smsOptOut = "Reply STOP to opt out"
        }
    }
}
