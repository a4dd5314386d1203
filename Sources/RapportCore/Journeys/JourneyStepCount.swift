/// How many customers are at a step now (waiting there), and how many ran it (each visit once).
public struct JourneyStepCount: Sendable, Equatable {
    public var stepKey: String
    public var waiting: Int
    public var passed: Int
    /// Of those who ran it, how many had the message skipped (an open conversation).
    public var skipped: Int

    public init(stepKey: String, waiting: Int, passed: Int, skipped: Int = 0) {
        self.stepKey = stepKey
        self.waiting = waiting
        self.passed = passed
        self.skipped = skipped
    }
}
