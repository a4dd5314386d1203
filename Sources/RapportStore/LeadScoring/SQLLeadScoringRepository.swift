import Foundation
import RapportCore
import SQLKit

struct SQLLeadScoringRepository: LeadScoringRepository {
    let handle: SQLConnectionHandle

    func lockRules(workspaceID: String) async throws {
        try await handle.dialect.lock("lead_scoring_rules:\(workspaceID)", on: handle)
    }

    func lockScores(leadIDs: [String]) async throws {
        for leadID in leadIDs.sorted() { try await handle.dialect.lock("lead_score:\(leadID)", on: handle) }
    }

    func rules(workspaceID: String) async throws -> [LeadScoringRule] {
        try await handle.sql.raw("SELECT * FROM lead_scoring_rules WHERE workspace_id = \(bind: workspaceID) ORDER BY id").all().compactMap(decodeRule)
    }

    func rule(id: String, workspaceID: String) async throws -> LeadScoringRule? {
        try await handle.sql.raw("SELECT * FROM lead_scoring_rules WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first()
            .flatMap(decodeRule)
    }

    func insert(_ rule: LeadScoringRule) async throws {
        try await handle.sql.raw("""
            INSERT INTO lead_scoring_rules (id, workspace_id, name, signal, pattern, points, half_life_days, created_at, updated_at)
            VALUES (\(bind: rule.id), \(bind: rule.workspaceID), \(bind: rule.name), \(bind: rule.signal.rawValue), \(bind: rule.match),
              \(bind: rule.points), \(bind: rule.halfLifeDays), \(bind: Timestamp.microseconds(rule.createdAt)), \(bind: Timestamp.microseconds(rule.updatedAt)))
            """).run()
    }

    func update(_ rule: LeadScoringRule) async throws {
        try await handle.sql.raw("""
            UPDATE lead_scoring_rules SET name = \(bind: rule.name), signal = \(bind: rule.signal.rawValue), pattern = \(bind: rule.match),
              points = \(bind: rule.points), half_life_days = \(bind: rule.halfLifeDays), updated_at = \(bind: Timestamp.microseconds(rule.updatedAt))
            WHERE id = \(bind: rule.id) AND workspace_id = \(bind: rule.workspaceID)
            """).run()
    }

    func delete(ruleID: String, workspaceID: String) async throws -> Bool {
        try await handle.sql.raw("""
            DELETE FROM lead_scoring_rules WHERE id = \(bind: ruleID) AND workspace_id = \(bind: workspaceID) RETURNING id
            """).first() != nil
    }

    func settings(workspaceID: String) async throws -> LeadScoringSettings {
        guard let row = try await handle.sql.raw("SELECT * FROM lead_scoring_settings WHERE workspace_id = \(bind: workspaceID)").first() else {
            return LeadScoringSettings()
        }
        return LeadScoringSettings(hotScore: try row.optionalInt("hot_score").map(Int.init), updatedAt: try row.date("updated_at"))
    }

    func save(_ settings: LeadScoringSettings, workspaceID: String) async throws {
        try await handle.sql.raw("""
            INSERT INTO lead_scoring_settings (workspace_id, hot_score, updated_at)
            VALUES (\(bind: workspaceID), \(bind: settings.hotScore), \(bind: Timestamp.microseconds(settings.updatedAt ?? Date())))
            ON CONFLICT (workspace_id) DO UPDATE SET hot_score = excluded.hot_score, updated_at = excluded.updated_at
            """).run()
    }

    static let factColumns = ["lead_id", "workspace_id", "rule_id", "points", "half_life_days", "occurred_at", "origin"]

    func insert(_ facts: [RecordedLeadScoreFact]) async throws -> [RecordedLeadScoreFact] {
        // In (lead, origin) order: two writers adding the same facts wait on the unique index
        // for each other in one order, never in a circle.
        let ordered = facts.sorted { ($0.leadID, $0.origin) < ($1.leadID, $1.origin) }
        let rows: [[SQLCell]] = ordered.map { fact in
            [
                .text(fact.leadID), .text(fact.workspaceID), .text(fact.ruleID), .integer(Int64(fact.points)), .integer(fact.halfLifeDays.map(Int64.init)),
                .integer(Timestamp.microseconds(fact.occurredAt)), .text(fact.origin),
            ]
        }
        let added = Set(try await handle.dialect.insert(
            table: "lead_score_facts", columns: Self.factColumns, rows: rows,
            suffix: "ON CONFLICT (lead_id, origin) DO NOTHING RETURNING lead_id || '|' || origin AS fact_key", returned: "fact_key", on: handle))
        return ordered.filter { added.contains($0.leadID + "|" + $0.origin) }
    }

    func facts(leadIDs: [String], workspaceID: String) async throws -> [String: [RecordedLeadScoreFact]] {
        guard !leadIDs.isEmpty else { return [:] }
        let rows = try await handle.sql.raw("""
            SELECT * FROM lead_score_facts WHERE lead_id IN (\(binds: leadIDs)) AND workspace_id = \(bind: workspaceID)
            """).all()
        return Dictionary(grouping: try rows.map(decodeFact), by: \.leadID)
    }

    private func decodeRule(_ row: any SQLRow) throws -> LeadScoringRule? {
        guard let signal = LeadScoringSignal(rawValue: try row.string("signal")) else { return nil }
        return LeadScoringRule(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"), signal: signal,
            match: try row.optionalString("pattern"), points: Int(try row.int("points")), halfLifeDays: try row.optionalInt("half_life_days").map(Int.init),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    private func decodeFact(_ row: any SQLRow) throws -> RecordedLeadScoreFact {
        RecordedLeadScoreFact(
            leadID: try row.string("lead_id"), workspaceID: try row.string("workspace_id"), ruleID: try row.string("rule_id"),
            points: Int(try row.int("points")), halfLifeDays: try row.optionalInt("half_life_days").map(Int.init),
            occurredAt: try row.date("occurred_at"), origin: try row.string("origin"))
    }
}
