public enum MessageAuthor: String, Sendable, Codable, CaseIterable {
    case customer, agent, bot, system
}
