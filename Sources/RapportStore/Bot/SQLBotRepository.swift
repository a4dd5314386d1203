import Foundation
import RapportCore
import SQLKit

/// The bot's tables. Settings, intents and session state are `PlainJSON` documents.
struct SQLBotRepository: BotRepository {
    let handle: SQLConnectionHandle

    func settings(workspaceID: String) async throws -> BotSettings? {
        try await handle.sql.raw("SELECT settings FROM bot_settings WHERE workspace_id = \(bind: workspaceID)").first()
            .map { try PlainJSON.decode(BotSettings.self, from: try $0.string("settings")) }
    }

    func save(_ settings: BotSettings, workspaceID: String, at date: Date) async throws {
        try await handle.sql.raw("""
            INSERT INTO bot_settings (workspace_id, settings, updated_at)
            VALUES (\(bind: workspaceID), \(bind: try PlainJSON.encode(settings)), \(bind: Timestamp.microseconds(date)))
            ON CONFLICT (workspace_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
            """).run()
    }

    func latestIntentSet(workspaceID: String) async throws -> BotIntentSet? {
        try await handle.sql.raw("""
            SELECT * FROM bot_intent_sets WHERE workspace_id = \(bind: workspaceID) ORDER BY version DESC LIMIT 1
            """).first().map(decodeSet)
    }

    func intentSet(workspaceID: String, version: Int) async throws -> BotIntentSet? {
        try await handle.sql.raw("""
            SELECT * FROM bot_intent_sets WHERE workspace_id = \(bind: workspaceID) AND version = \(bind: version)
            """).first().map(decodeSet)
    }

    func intentSets(workspaceID: String, limit: Int) async throws -> [BotIntentSet] {
        try await handle.sql.raw("""
            SELECT * FROM bot_intent_sets WHERE workspace_id = \(bind: workspaceID) ORDER BY version DESC LIMIT \(bind: limit)
            """).all().map(decodeSet)
    }

    func insert(_ set: BotIntentSet) async throws {
        try await handle.sql.raw("""
            INSERT INTO bot_intent_sets (workspace_id, version, intents, created_by, created_at)
            VALUES (\(bind: set.workspaceID), \(bind: set.version), \(bind: try PlainJSON.encode(set.intents)), \(bind: set.createdBy),
              \(bind: Timestamp.microseconds(set.createdAt)))
            """).run()
    }

    func session(conversationID: String) async throws -> BotSession? {
        guard let row = try await handle.sql.raw("SELECT * FROM bot_sessions WHERE conversation_id = \(bind: conversationID)").first(),
            let outcome = BotOutcome(rawValue: try row.string("outcome"))
        else { return nil }
        return BotSession(
            conversationID: try row.string("conversation_id"), workspaceID: try row.string("workspace_id"),
            state: try PlainJSON.decode(BotState.self, from: try row.string("state")), outcome: outcome,
            handoffReason: try row.optionalString("handoff_reason").flatMap(HandoffReason.init(rawValue:)),
            turns: Int(try row.int("turns")), startedAt: try row.date("started_at"), updatedAt: try row.date("updated_at"))
    }

    func save(_ session: BotSession) async throws {
        try await handle.sql.raw("""
            INSERT INTO bot_sessions (conversation_id, workspace_id, state, outcome, handoff_reason, turns, started_at, updated_at)
            VALUES (\(bind: session.conversationID), \(bind: session.workspaceID), \(bind: try PlainJSON.encode(session.state)),
              \(bind: session.outcome.rawValue), \(bind: session.handoffReason?.rawValue), \(bind: session.turns),
              \(bind: Timestamp.microseconds(session.startedAt)), \(bind: Timestamp.microseconds(session.updatedAt)))
            ON CONFLICT (conversation_id) DO UPDATE SET state = excluded.state, outcome = excluded.outcome,
              handoff_reason = excluded.handoff_reason, turns = excluded.turns, updated_at = excluded.updated_at
            """).run()
    }

    func outcomes(workspaceID: String, from: Date, to: Date) async throws -> [BotOutcomeCount] {
        try await handle.sql.raw("""
            SELECT outcome, handoff_reason, COUNT(*) AS sessions FROM bot_sessions
            WHERE workspace_id = \(bind: workspaceID) AND started_at >= \(bind: Timestamp.microseconds(from))
              AND started_at < \(bind: Timestamp.microseconds(to))
            GROUP BY outcome, handoff_reason
            """).all().compactMap { row in
            guard let outcome = BotOutcome(rawValue: try row.string("outcome")) else { return nil }
            return BotOutcomeCount(
                outcome: outcome, reason: try row.optionalString("handoff_reason").flatMap(HandoffReason.init(rawValue:)),
                count: Int(try row.int("sessions")))
        }
    }

    private func decodeSet(_ row: any SQLRow) throws -> BotIntentSet {
        BotIntentSet(
            workspaceID: try row.string("workspace_id"), version: Int(try row.int("version")),
            intents: try PlainJSON.decode([BotIntent].self, from: try row.string("intents")), createdBy: try row.string("created_by"),
            createdAt: try row.date("created_at"))
    }
}
