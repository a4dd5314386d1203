import Foundation

/// Lead scoring's settings: the rules (read by everyone who sees sales, changed by admins,
/// managers and marketers), the hot score, and a lead's score with the facts behind it. Facts
/// are recorded as things happen (`LeadScoreKeeping`); a rule changed or removed later leaves
/// the facts it recorded as they were.
public struct LeadScoringService: Sendable {
    let context: CoreContext
    var store: any DataStore { context.store }
    var clock: any WallClock { context.clock }

    public init(context: CoreContext) {
        self.context = context
    }

    public func rules(as actor: Actor) async throws -> [LeadScoringRule] {
        try actor.require(.viewSales)
        return try await store.read { session in try await session.leadScoring.rules(workspaceID: actor.workspaceID) }
    }

    /// A rule from `change`, which must give a name, a signal and points (and what a page or
    /// event rule matches).
    public func createRule(_ change: LeadScoringRuleChange, as actor: Actor) async throws -> LeadScoringRule {
        try actor.require(.manageLeadScoring)
        var missing: [FieldError] = []
        if change.name == nil { missing.append(FieldError(field: "name", message: "is required: 1 to \(LeadScoringRules.maximumNameLength) characters")) }
        if change.signal == nil {
            missing.append(FieldError(field: "signal", message: "is required: one of \(LeadScoringSignal.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if change.points == nil { missing.append(FieldError(field: "points", message: "is required: \(LeadScoringRules.points.lowerBound) to \(LeadScoringRules.points.upperBound)")) }
        guard missing.isEmpty else { throw RapportError.invalid(missing) }
        return try await context.write { transaction in
            let now = transaction.now
            let session = transaction.session
            try await session.leadScoring.lockRules(workspaceID: actor.workspaceID)
            guard try await session.leadScoring.rules(workspaceID: actor.workspaceID).count < LeadScoringRules.maximumRules else {
                throw RapportError.conflict("A workspace holds at most \(LeadScoringRules.maximumRules) scoring rules; change or remove one first.")
            }
            let blank = LeadScoringRule(
                id: ResourceID.make(.leadScoringRule, at: now), workspaceID: actor.workspaceID, name: "", signal: .visit, match: nil, points: 0,
                halfLifeDays: nil, createdAt: now, updatedAt: now)
            let rule = try LeadScoringRules.apply(change, to: blank)
            try await session.leadScoring.insert(rule)
            try await transaction.audit(
                AuditRecord(.leadScoringChanged, subject: .leadScoringRule(rule.id), details: ["change": "created", "points": String(rule.points)]), by: actor)
            return rule
        }
    }

    public func updateRule(id: String, _ change: LeadScoringRuleChange, as actor: Actor) async throws -> LeadScoringRule {
        try actor.require(.manageLeadScoring)
        return try await context.write { transaction in
            let session = transaction.session
            guard let kept = try await session.leadScoring.rule(id: id, workspaceID: actor.workspaceID) else { throw Self.notFound(id) }
            var rule = try LeadScoringRules.apply(change, to: kept)
            rule.updatedAt = transaction.now
            try await session.leadScoring.update(rule)
            try await transaction.audit(
                AuditRecord(.leadScoringChanged, subject: .leadScoringRule(id), details: ["change": "updated", "points": String(rule.points)]), by: actor)
            return rule
        }
    }

    public func deleteRule(id: String, as actor: Actor) async throws {
        try actor.require(.manageLeadScoring)
        try await context.write { transaction in
            guard try await transaction.session.leadScoring.delete(ruleID: id, workspaceID: actor.workspaceID) else { throw Self.notFound(id) }
            try await transaction.audit(AuditRecord(.leadScoringChanged, subject: .leadScoringRule(id), details: ["change": "deleted"]), by: actor)
        }
    }

    public func settings(as actor: Actor) async throws -> LeadScoringSettings {
        try actor.require(.viewSales)
        return try await store.read { session in try await session.leadScoring.settings(workspaceID: actor.workspaceID) }
    }

    /// Sets the hot score (1 to 10,000; nil: no lead is handed over by its score). Leads already
    /// above a new hot score are not handed over for it: a crossing is a new fact's doing.
    public func saveSettings(hotScore: Int?, as actor: Actor) async throws -> LeadScoringSettings {
        try actor.require(.manageLeadScoring)
        if let hotScore, !LeadScoringSettings.hotScores.contains(hotScore) {
            throw RapportError.invalid(
                field: "hot_score", "must be from \(LeadScoringSettings.hotScores.lowerBound) to \(LeadScoringSettings.hotScores.upperBound), or null")
        }
        return try await context.write { transaction in
            let settings = LeadScoringSettings(hotScore: hotScore, updatedAt: transaction.now)
            try await transaction.session.leadScoring.save(settings, workspaceID: actor.workspaceID)
            try await transaction.audit(
                AuditRecord(.leadScoringChanged, subject: .workspace(actor.workspaceID), details: ["hot_score": hotScore.map(String.init) ?? "none"]), by: actor)
            return settings
        }
    }

    /// The lead's score now and the facts that make it.
    public func score(leadID: String, as actor: Actor) async throws -> LeadScore {
        try actor.require(.viewSales)
        let now = clock.now()
        return try await store.read { session in
            _ = try await LeadService.existing(leadID, workspaceID: actor.workspaceID, session: session)
            let facts = try await session.leadScoring.facts(leadIDs: [leadID], workspaceID: actor.workspaceID)[leadID] ?? []
            let hotScore = try await session.leadScoring.settings(workspaceID: actor.workspaceID).hotScore
            return LeadScore(leadID: leadID, facts: facts, hotScore: hotScore, at: now)
        }
    }

    /// The leads' scores now (0 for a lead without facts), for a page of leads.
    public func scores(of leads: [Lead], as actor: Actor) async throws -> [String: Double] {
        try actor.require(.viewSales)
        guard !leads.isEmpty else { return [:] }
        let now = clock.now()
        let facts = try await store.read { session in
            try await session.leadScoring.facts(leadIDs: leads.map(\.id), workspaceID: actor.workspaceID)
        }
        return Dictionary(leads.map { lead in (lead.id, LeadRuleScoring.score((facts[lead.id] ?? []).map(\.fact), at: now)) }) { first, _ in first }
    }

    static func notFound(_ id: String) -> RapportError {
        .notFound("No lead scoring rule \(id.prefix(64)) in this workspace.")
    }
}
