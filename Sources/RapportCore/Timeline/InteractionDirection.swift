/// Who started a touchpoint: the customer (`inbound`), the business (`outbound`), or neither (`internal`, e.g. a note).
public enum InteractionDirection: String, Sendable, Codable, CaseIterable {
    case inbound, outbound, `internal`
}
