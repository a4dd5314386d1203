import Foundation
import RapportCore

/// A lead's score now (to one decimal), whether it is at the hot score, and the facts that make
/// it, each with its points left now.
struct LeadScoreResponse: Encodable {
    struct Fact: Encodable {
        let ruleId: String
        let points: Int
        let halfLifeDays: Int?
        let occurredAt: String
        let worth: Double
        let origin: String
    }

    let object = "lead_score"
    let leadId: String
    let score: Double
    let hotScore: Int?
    let hot: Bool
    let handedOverAt: String?
    let facts: [Fact]

    init(_ score: LeadScore) {
        leadId = score.leadID
        self.score = LeadScore.rounded(score.score)
        hotScore = score.hotScore
        hot = score.isHot
        handedOverAt = score.handedOverAt.map(Timestamp.iso8601)
        facts = score.facts.map { fact in
            Fact(
                ruleId: fact.ruleID, points: fact.points, halfLifeDays: fact.halfLifeDays, occurredAt: Timestamp.iso8601(fact.occurredAt),
                worth: LeadScore.rounded(fact.fact.worth(at: score.scoredAt)), origin: fact.origin)
        }
    }
}
