/// The three clocks an SLA policy runs.
public enum SLATarget: String, Sendable, Codable, CaseIterable {
    case firstResponse = "first_response"
    case nextResponse = "next_response"
    case resolution
}
