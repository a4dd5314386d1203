/// A meeting still on, or called off (kept, so calendars that hold it learn it is cancelled).
public enum MeetingStatus: String, Sendable, CaseIterable {
    case scheduled
    case cancelled
}
