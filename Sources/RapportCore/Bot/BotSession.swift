import Foundation

/// The bot's side of one conversation: its state and how the conversation ended for it.
public struct BotSession: Sendable, Equatable {
    public var conversationID: String
    public var workspaceID: String
    public var state: BotState
    public var outcome: BotOutcome
    public var handoffReason: HandoffReason?
    /// Customer messages the bot answered.
    public var turns: Int
    public var startedAt: Date
    public var updatedAt: Date

    public init(
        conversationID: String, workspaceID: String, state: BotState = BotState(), outcome: BotOutcome = .active,
        handoffReason: HandoffReason? = nil, turns: Int = 0, startedAt: Date, updatedAt: Date
    ) {
        self.conversationID = conversationID
        self.workspaceID = workspaceID
        self.state = state
        self.outcome = outcome
        self.handoffReason = handoffReason
        self.turns = turns
        self.startedAt = startedAt
        self.updatedAt = updatedAt
    }
}
