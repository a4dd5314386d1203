import Foundation

/// A fact as the store keeps it for a lead: the rule that gave it (its points and half-life
/// copied, so scoring needs no join and a rule changed later leaves past facts as they were),
/// when it happened, and its origin — what made it, unique per lead (`{rule}:{yyyy-mm-dd}`, or `hot:{time}` for a hand-off's mark).
public struct RecordedLeadScoreFact: Sendable, Equatable {
    public var leadID: String
    public var workspaceID: String
    public var ruleID: String
    public var points: Int
    public var halfLifeDays: Int?
    public var occurredAt: Date
    public var origin: String

    public init(leadID: String, workspaceID: String, ruleID: String, points: Int, halfLifeDays: Int?, occurredAt: Date, origin: String) {
        self.leadID = leadID
        self.workspaceID = workspaceID
        self.ruleID = ruleID
        self.points = points
        self.halfLifeDays = halfLifeDays
        self.occurredAt = occurredAt
        self.origin = origin
    }

    public var fact: LeadScoreFact {
        LeadScoreFact(points: Double(points), occurredAt: occurredAt, halfLifeDays: halfLifeDays.map(Double.init))
    }
}
