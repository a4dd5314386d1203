/// What a marketing step does while the customer has a support conversation open (a complaint
/// unanswered is no time for a promotion). Service steps (a note, a task) are never held.
public enum JourneyOpenConversationRule: String, Sendable, Equatable, CaseIterable {
    /// Wait until the conversation is resolved (at most `JourneyOpenConversationRule.longestWait`), then go on.
    case wait
    /// Skip the message and go on to the next step.
    case skip
    /// Send as if no conversation were open.
    case ignore

    /// How long a marketing step waits for a conversation to be resolved before it skips.
    public static let longestWait: Double = 7 * 86_400
}
