import Foundation

/// Chooses who handles a new conversation: the first matching routing rule names the team
/// (and maybe a priority), else the inbox's team; then round-robin among the team's online
/// agents, skipping those at their cap of open conversations.
struct ConversationRouting {
    let session: any StoreSession

    func route(_ conversation: inout Conversation, inbox: Inbox, customerTags: [String], at now: Date) async throws {
        let rules = try await session.inboxes.routingRules(workspaceID: conversation.workspaceID)
        if let rule = rules.first(where: { $0.matches(inboxID: inbox.id, customerTags: customerTags) }) {
            if let teamID = rule.teamID { conversation.teamID = teamID }
            if let priority = rule.priority { conversation.priority = priority }
        }
        if conversation.teamID == nil { conversation.teamID = inbox.teamID }
        guard conversation.assigneeID == nil, let teamID = conversation.teamID else { return }
        let candidates = try await session.inboxes.routingCandidates(teamID: teamID)
        if let chosen = candidates.first(where: { $0.openConversations < $0.agent.maxConversations }) {
            conversation.assigneeID = chosen.agent.id
            try await session.inboxes.markAssigned(agentID: chosen.agent.id, at: now)
        }
    }
}
