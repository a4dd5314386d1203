/// Where a task stands: open until someone marks it done, or cancels it.
public enum WorkTaskStatus: String, Sendable, Equatable, CaseIterable {
    case open
    case done
    case cancelled
}
