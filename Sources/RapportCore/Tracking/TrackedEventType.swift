/// The calls of the Segment tracking spec.
public enum TrackedEventType: String, Sendable, Codable, CaseIterable {
    case identify, track, page, screen, group, alias
}
