import Foundation

/// The bot's settings, its versioned intent sets and its sessions in conversations.
public protocol BotRepository: Sendable {
    func settings(workspaceID: String) async throws -> BotSettings?
    func save(_ settings: BotSettings, workspaceID: String, at date: Date) async throws
    /// The newest saved intent set; nil when the workspace still uses the built-in one.
    func latestIntentSet(workspaceID: String) async throws -> BotIntentSet?
    func intentSet(workspaceID: String, version: Int) async throws -> BotIntentSet?
    /// Saved versions, newest first.
    func intentSets(workspaceID: String, limit: Int) async throws -> [BotIntentSet]
    func insert(_ set: BotIntentSet) async throws
    func session(conversationID: String) async throws -> BotSession?
    /// Inserts or replaces the session of its conversation.
    func save(_ session: BotSession) async throws
    /// Sessions started in `[from, to)`, counted by outcome and hand-off reason.
    func outcomes(workspaceID: String, from: Date, to: Date) async throws -> [BotOutcomeCount]
}
