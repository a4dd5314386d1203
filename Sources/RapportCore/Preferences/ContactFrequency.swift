/// How often a customer wants to hear from the store for anything that needs consent.
/// Campaigns honour it; service messages are not counted.
public enum ContactFrequency: String, Sendable, CaseIterable, Codable {
    case any
    case weekly
    case monthly
}
