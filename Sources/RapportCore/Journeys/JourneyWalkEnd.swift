import Foundation

/// Where a walk stopped.
public enum JourneyWalkEnd: Sendable, Equatable {
    /// At a step until a time (a wait, a `wait_until`; or `now`: a walk cut short, going on
    /// in the next round).
    case waiting(JourneyPosition, until: Date)
    /// At a step until the event comes (walked again with `eventArrived`: on to `next`), or the
    /// timeout passes (then `on_timeout`).
    case waitingForEvent(JourneyPosition, JourneyEvent, until: Date)
    /// At a marketing message held while a support conversation is open: walked again when
    /// the conversation is resolved (it goes), or at `until` (it is skipped).
    case held(JourneyPosition, until: Date)
    /// At a branch whose conditions must be asked (in SQL, for the batch) before it goes on.
    case needsBranch(JourneyPosition)
    /// Out of the journey: at its end, or an `exit` step.
    case finished
}
