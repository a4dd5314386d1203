/// A segment keeps itself to its definition; a list holds whom it was given.
public enum SegmentKind: String, Sendable, Codable {
    case dynamic
    case list
}
