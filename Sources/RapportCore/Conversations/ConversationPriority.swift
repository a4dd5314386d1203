public enum ConversationPriority: String, Sendable, Codable, CaseIterable {
    case low, normal, high, urgent
}
