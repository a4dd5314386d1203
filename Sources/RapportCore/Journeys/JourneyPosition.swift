import Foundation

/// Where a customer is in a journey: the step they are at, the how-manieth time they reached
/// it (a loop comes back to a step: each visit runs once), since when, and, for a marketing
/// message held while a support conversation is open, since when it has been held.
public struct JourneyPosition: Sendable, Equatable {
    public var stepKey: String
    public var visit: Int
    public var since: Date
    public var heldSince: Date?

    public init(stepKey: String, visit: Int, since: Date, heldSince: Date? = nil) {
        self.stepKey = stepKey
        self.visit = visit
        self.since = since
        self.heldSince = heldSince
    }
}
