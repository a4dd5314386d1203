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
    /// Enrolments that ran it (a loop's visits once), and of those how many reached the goal
    /// within its window: a branch's conversion is its first step's.
    public var reached: Int
    public var converted: Int
    /// What the customers who ran it ordered within the goal's window after entering, net of
    /// refunds, in minor units per currency (orders not cancelled).
    public var revenue: [String: Int64]

    public init(
        stepKey: String, waiting: Int, passed: Int, skipped: Int = 0, sent: Int = 0, opened: Int = 0, clicked: Int = 0, reached: Int = 0, converted: Int = 0,
        revenue: [String: Int64] = [:]
    ) {
        self.stepKey = stepKey
        self.waiting = waiting
        self.passed = passed
        self.skipped = skipped
        self.sent = sent
        self.opened = opened
        self.clicked = clicked
        self.reached = reached
        self.converted = converted
        self.revenue = revenue
    }
}
