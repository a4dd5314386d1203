/// How many customers are at a step now (waiting there), and how many ran it (each visit once).
public struct JourneyStepCount: Sendable, Equatable {
    public var stepKey: String
    public var waiting: Int
    public var passed: Int
    /// Of those who ran it, how many had the message skipped (an open conversation, no
    /// consent, the frequency cap).
    public var skipped: Int
    /// A message step's messages the provider took, and of those opened and clicked (from the
    /// step campaigns' send logs, every version's).
    public var sent: Int
    public var opened: Int
    public var clicked: Int

    public init(stepKey: String, waiting: Int, passed: Int, skipped: Int = 0, sent: Int = 0, opened: Int = 0, clicked: Int = 0) {
        self.stepKey = stepKey
        self.waiting = waiting
        self.passed = passed
        self.skipped = skipped
        self.sent = sent
        self.opened = opened
        self.clicked = clicked
    }
}
