import Foundation

/// A lead's score now, against the workspace's hot score, with the facts that make it (newest
/// first) and when the lead was last handed to sales for its score.
public struct LeadScore: Sendable, Equatable {
    public var leadID: String
    public var score: Double
    public var hotScore: Int?
    public var facts: [RecordedLeadScoreFact]
    /// The moment scored.
    public var scoredAt: Date
    public var handedOverAt: Date?

    public init(leadID: String, facts: [RecordedLeadScoreFact], hotScore: Int?, at moment: Date) {
        self.leadID = leadID
        let marks = facts.filter { $0.origin.hasPrefix(LeadScoreKeeping.handOffMark) }
        handedOverAt = marks.map(\.occurredAt).max()
        self.facts = facts.filter { !$0.origin.hasPrefix(LeadScoreKeeping.handOffMark) }
            .sorted { ($1.occurredAt, $1.origin) < ($0.occurredAt, $0.origin) }
        self.hotScore = hotScore
        scoredAt = moment
        score = LeadRuleScoring.score(facts.map(\.fact), at: moment)
    }

    /// At or above the hot score, as shown: to one decimal.
    public var isHot: Bool { hotScore.map { Self.rounded(score) >= Double($0) } ?? false }

    /// A score to one decimal, as every score is shown and compared with the hot score: facts
    /// kept to the microsecond fade by a hair between their writing and a read, and 39.99999
    /// is 40.
    public static func rounded(_ score: Double) -> Double {
        let rounded = (score * 10).rounded() / 10
        return rounded == 0 ? 0 : rounded  // never −0.0 (a faded negative rule's leftover)
    }

    /// A score as the team reads it: one decimal, none when whole ("40", "40.5").
    public static func text(_ score: Double) -> String {
        let shown = rounded(score)
        return shown == shown.rounded() ? String(Int(shown)) : String(format: "%.1f", shown)
    }
}
