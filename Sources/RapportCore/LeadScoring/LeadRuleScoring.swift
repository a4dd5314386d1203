import Foundation

/// A lead's rule score: the sum of its facts' points, each faded by its half-life. Scoring many
/// leads is one pass over their facts in lead order (`scores(of:)`), so a million leads need no
/// query per lead.
public enum LeadRuleScoring {
    public static func score(_ facts: [LeadScoreFact], at moment: Date) -> Double {
        facts.reduce(0) { $0 + $1.worth(at: moment) }
    }

    /// The scores of leads whose facts come as parallel columns sorted by lead (`leads[i]` the
    /// index of fact i's lead, from 0): each lead's score at `leadCount` places, 0 for a lead
    /// without facts. Ages are in days before the moment scored; a half-life of 0 or less keeps
    /// the points whole. The columns must be of one length, and every lead index below
    /// `leadCount`.
    public static func scores(leadCount: Int, leads: [Int32], points: [Float], ageDays: [Float], halfLifeDays: [Float]) -> [Double] {
        precondition(
            leads.count == points.count && leads.count == ageDays.count && leads.count == halfLifeDays.count, "the fact columns differ in length")
        var scores = [Double](repeating: 0, count: leadCount)
        for fact in leads.indices {
            let halfLife = Double(halfLifeDays[fact])
            let age = Double(ageDays[fact])
            let worth = halfLife > 0 && age > 0 ? Double(points[fact]) * exp2(-age / halfLife) : Double(points[fact])
            // The array's own bounds check: a lead index outside the leads stops the pass.
            scores[Int(leads[fact])] += worth
        }
        return scores
    }
}
