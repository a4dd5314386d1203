public enum MessageDirection: String, Sendable, Codable, CaseIterable {
    case incoming, outgoing
}
