/// How often a recurring meeting comes back (RFC 5545's `FREQ`, the common subset).
public enum MeetingFrequency: String, Sendable, CaseIterable {
    case daily
    case weekly
    case monthly
}
