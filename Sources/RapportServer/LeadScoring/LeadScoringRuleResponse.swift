import RapportCore

/// A scoring rule as the API shows it.
struct LeadScoringRuleResponse: Encodable {
    let object = "lead_scoring_rule"
    let id: String
    let name: String
    let signal: String
    let match: String?
    let points: Int
    let halfLifeDays: Int?
    let createdAt: String
    let updatedAt: String

    init(_ rule: LeadScoringRule) {
        id = rule.id
        name = rule.name
        signal = rule.signal.rawValue
        match = rule.match
        points = rule.points
        halfLifeDays = rule.halfLifeDays
        createdAt = Timestamp.iso8601(rule.createdAt)
        updatedAt = Timestamp.iso8601(rule.updatedAt)
    }
}
