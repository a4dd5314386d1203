import Foundation

/// One step a walk ran: which, the how-manieth visit, when, and what it did (nothing for a
/// wait, a branch or a split, a skipped message's reason).
public struct JourneyStepRun: Sendable, Equatable {
    public var stepKey: String
    public var visit: Int
    public var at: Date
    public var effect: JourneyEffect?
    /// Why a message step sent nothing (`open_conversation`), if it did not.
    public var skipped: String?

    public init(stepKey: String, visit: Int, at: Date, effect: JourneyEffect? = nil, skipped: String? = nil) {
        self.stepKey = stepKey
        self.visit = visit
        self.at = at
        self.effect = effect
        self.skipped = skipped
    }
}
