/// What a task asks someone to do.
public enum WorkTaskKind: String, Sendable, Equatable, CaseIterable {
    case todo
    case call
    case email
    case meeting
}
