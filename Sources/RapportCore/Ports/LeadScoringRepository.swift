import Foundation

/// Lead scoring's rules, the workspace's hot score and the facts kept per lead.
public protocol LeadScoringRepository: Sendable {
    /// Holds the workspace's rules for the rest of a write transaction (counting them to add one).
    func lockRules(workspaceID: String) async throws
    /// Holds the leads' scoring, in id order, for the rest of a write transaction: one hand-off
    /// decision at a time per lead, however many servers write facts.
    func lockScores(leadIDs: [String]) async throws
    func rules(workspaceID: String) async throws -> [LeadScoringRule]
    func rule(id: String, workspaceID: String) async throws -> LeadScoringRule?
    func insert(_ rule: LeadScoringRule) async throws
    func update(_ rule: LeadScoringRule) async throws
    /// The rule gone; the facts it recorded stay (their points are copied).
    func delete(ruleID: String, workspaceID: String) async throws -> Bool
    func settings(workspaceID: String) async throws -> LeadScoringSettings
    func save(_ settings: LeadScoringSettings, workspaceID: String) async throws
    /// Adds the facts in lead order, leaving out one whose (lead, origin) is there already;
    /// answers the facts added.
    func insert(_ facts: [RecordedLeadScoreFact]) async throws -> [RecordedLeadScoreFact]
    /// The leads' facts, by lead.
    func facts(leadIDs: [String], workspaceID: String) async throws -> [String: [RecordedLeadScoreFact]]
}
