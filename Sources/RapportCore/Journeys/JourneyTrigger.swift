/// What lets a customer into a journey.
public enum JourneyTrigger: Sendable, Equatable {
    /// A domain or tracked event of theirs, whose properties pass every filter.
    case event(JourneyEvent)
    /// Entering the segment (its time-based conditions included: a birthday, an anniversary).
    case segmentEntered(String)
    /// Leaving the segment.
    case segmentLeft(String)
    /// Only by hand or through the API (one customer, a list, a segment's members at that moment).
    case manual

    /// Whether it lets customers in as they enter a segment (the one they may leave again).
    public var isSegmentEntered: Bool {
        if case .segmentEntered = self { true } else { false }
    }
}
