/// How a customer may be reached under a consent: each is agreed to separately.
public enum ConsentChannel: String, Sendable, Codable, CaseIterable {
    case email, sms, whatsapp, messenger, instagram, voice, push, mail
}
