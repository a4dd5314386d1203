import Foundation

/// What a scoring rule may hold: a name of 1 to 100 characters; a `page` rule's path starting
/// with `/`, an `event` rule's event name, a `visit` rule nothing to match (a rule changed to a
/// visit drops its match; one changed to a page or an event needs a new one); −100 to 100
/// points, not 0; a half-life of 1 to 3,650 days or none. Every field is checked before
/// anything is written.
public enum LeadScoringRules {
    public static let maximumNameLength = 100
    public static let maximumMatchLength = 200
    public static let points = -100...100
    public static let halfLives = 1...3_650
    public static let maximumRules = 100

    /// `rule` with `change` applied, checked.
    static func apply(_ change: LeadScoringRuleChange, to rule: LeadScoringRule) throws -> LeadScoringRule {
        var rule = rule
        var errors: [FieldError] = []
        if let name = change.name {
            let trimmed = name.trimmed
            if (1...maximumNameLength).contains(trimmed.count) {
                rule.name = trimmed
            } else {
                errors.append(FieldError(field: "name", message: "must be 1 to \(maximumNameLength) characters"))
            }
        }
        if let signal = change.signal, signal != rule.signal {
            // What a page rule matched means nothing to an event rule: the new match is asked for.
            if signal.needsMatch && change.match == nil {
                errors.append(FieldError(field: "match", message: "is required when the signal changes to \(signal.rawValue)"))
            }
            rule.signal = signal
        }
        if let match = change.match { rule.match = match.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 } }
        if !rule.signal.needsMatch {
            if change.match != nil, rule.match != nil { errors.append(FieldError(field: "match", message: "is not for a visit rule: a visit is any page")) }
            rule.match = nil
        } else if let match = rule.match {
            if match.count > maximumMatchLength {
                errors.append(FieldError(field: "match", message: "must be at most \(maximumMatchLength) characters"))
            } else if rule.signal == .page && !match.hasPrefix("/") {
                errors.append(FieldError(field: "match", message: "must be a path starting with / (such as /pricing)"))
            }
        } else {
            errors.append(FieldError(field: "match", message: rule.signal == .page ? "is required: the path a page starts with" : "is required: the event's name"))
        }
        if let points = change.points { rule.points = points }
        if !Self.points.contains(rule.points) || rule.points == 0 {
            errors.append(FieldError(field: "points", message: "must be from \(Self.points.lowerBound) to \(Self.points.upperBound), not 0"))
        }
        if let halfLife = change.halfLifeDays { rule.halfLifeDays = halfLife }
        if let halfLife = rule.halfLifeDays, !halfLives.contains(halfLife) {
            errors.append(FieldError(field: "half_life_days", message: "must be from \(halfLives.lowerBound) to \(halfLives.upperBound) days, or null to keep the points whole"))
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        return rule
    }
}
