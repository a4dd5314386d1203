import Hummingbird
import RapportCore

/// Reads lead scoring's request bodies: a rule (`name`, `signal` — visit, page or event —,
/// `match`, `points`, `half_life_days`, null to keep the points whole) and the settings
/// (`hot_score`, null for none).
enum LeadScoringRequests {
    static func rule(of request: Request, context: AuthenticatedRequestContext) async throws -> LeadScoringRuleChange {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var change = LeadScoringRuleChange()
        if case .null? = body.any("name") { body.fail("name", "cannot be null") }
        change.name = body.string("name", maxLength: 1000)
        if case .null? = body.any("signal") { body.fail("signal", "cannot be null") }
        if let signal = body.string("signal", maxLength: 16) {
            change.signal = LeadScoringSignal(rawValue: signal)
            if change.signal == nil { body.fail("signal", "must be one of \(LeadScoringSignal.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        change.match = body.nullableString("match", maxLength: 1000)
        if case .null? = body.any("points") { body.fail("points", "cannot be null") }
        change.points = body.integer("points", in: Self.range(LeadScoringRules.points)).map(Int.init)
        switch body.any("half_life_days") {
        case nil: break
        case .null?: change.halfLifeDays = .some(nil)
        default: if let days = body.integer("half_life_days", in: Self.range(LeadScoringRules.halfLives)) { change.halfLifeDays = .some(Int(days)) }
        }
        try body.finish()
        return change
    }

    private static func range(_ range: ClosedRange<Int>) -> ClosedRange<Int64> {
        Int64(range.lowerBound)...Int64(range.upperBound)
    }

    static func hotScore(of request: Request, context: AuthenticatedRequestContext) async throws -> Int? {
        var body = try await JSONObjectReader.body(of: request, context: context)
        guard body.any("hot_score") != nil else {
            body.fail("hot_score", "is required: 1 to \(LeadScoringSettings.hotScores.upperBound), or null for none")
            try body.finish()
            return nil
        }
        let hotScore = body.integer("hot_score", in: Self.range(LeadScoringSettings.hotScores))
        try body.finish()
        return hotScore.map(Int.init)
    }
}
