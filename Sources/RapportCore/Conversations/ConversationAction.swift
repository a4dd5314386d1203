import Foundation

/// What an agent does to a conversation besides writing in it.
public enum ConversationAction: Sendable, Equatable {
    /// To an agent and/or a team; nil leaves that part as it is.
    case assign(agentID: String?, teamID: String?)
    case unassign
    case snooze(until: Date)
    case resolve
    case reopen
    case label(add: [String], remove: [String])
    case priority(ConversationPriority)
}
