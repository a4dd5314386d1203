import Foundation

/// Where a walk stopped.
public enum JourneyWalkEnd: Sendable, Equatable {
    /// At a step until a time (a wait; a `wait_until`; a message held for an open conversation).
    case waiting(JourneyPosition, until: Date)
    /// At a step until the event comes, or the timeout passes (then `on_timeout`).
    case waitingForEvent(JourneyPosition, JourneyEvent, until: Date)
    /// At a branch whose conditions must be asked (in SQL, for the batch) before it goes on.
    case needsBranch(JourneyPosition)
    /// Out of the journey: at its end, or an `exit` step.
    case finished
}
