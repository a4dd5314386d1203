/// How often one customer may enter a journey. Never twice at once: a customer still in it is
/// not let in again, whatever the rule.
public enum JourneyEntryRule: Sendable, Equatable {
    /// Once ever (a welcome series).
    case once
    /// Again after `days` days since they last entered (an abandoned cart, once a week at most).
    case oncePer(days: Int)
    /// Each time the trigger fires, once the last journey is over.
    case everyTime
}
