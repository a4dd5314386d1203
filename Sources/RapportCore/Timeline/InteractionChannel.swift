/// Where a touchpoint happened.
public enum InteractionChannel: String, Sendable, Codable, CaseIterable {
    case web, email, phone, whatsapp, messenger, instagram, sms, chat, store, mail, social
}
