/// Whether an agent takes new conversations now.
public enum Availability: String, Sendable, Codable, CaseIterable {
    case online, busy, offline
}
