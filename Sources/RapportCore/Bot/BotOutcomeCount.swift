/// How many bot conversations ended one way (and, for hand-offs, for one reason).
public struct BotOutcomeCount: Sendable, Equatable {
    public var outcome: BotOutcome
    public var reason: HandoffReason?
    public var count: Int

    public init(outcome: BotOutcome, reason: HandoffReason?, count: Int) {
        self.outcome = outcome
        self.reason = reason
        self.count = count
    }
}
