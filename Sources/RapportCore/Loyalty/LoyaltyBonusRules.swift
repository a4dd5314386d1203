import Foundation

/// The entries a programme's bonuses make (`LoyaltyBonuses`), each with an origin that makes it
/// once: `review:{id}:earned` and `review:{id}:reversed`, `sign_up:{customer}`,
/// `birthday:{customer}:{year}`. Bonuses are `reward` entries, usable at once; like referral
/// rewards they do not count towards a tier (orders' points do).
public enum LoyaltyBonusRules {
    /// A published review's points, when the programme gives them for this review: on, points
    /// set, not imported (the shop's old platform's reviews were written long before), and a
    /// verified buyer's where the programme asks for that.
    static func reviewEntry(_ review: Review, program: LoyaltyProgram, at now: Date) -> LoyaltyEntry? {
        let points = program.bonuses.review
        guard program.enabled, points > 0, review.status == .approved, review.source != ReviewService.importSource,
            review.verified || !program.bonuses.reviewVerifiedOnly
        else { return nil }
        return entry(
            review.workspaceID, review.customerID, points, reason: "For a review, published", origin: "review:\(review.id):earned", at: now)
    }

    /// The points a review earned, taken back once it is rejected after being published.
    static func reviewReversal(_ review: Review, earned: LoyaltyEntry, at now: Date) -> LoyaltyEntry {
        entry(
            review.workspaceID, earned.customerID, -earned.points, reason: "A published review was taken down",
            origin: "review:\(review.id):reversed", at: now)
    }

    /// A customer's first confirmed sign-up.
    static func signUpEntry(customerID: String, program: LoyaltyProgram, at now: Date) -> LoyaltyEntry? {
        guard program.enabled, program.bonuses.signUp > 0 else { return nil }
        return entry(program.workspaceID, customerID, program.bonuses.signUp, reason: "For signing up", origin: "sign_up:\(customerID)", at: now)
    }

    /// A customer's birthday this year (the UTC year of `now`).
    static func birthdayEntry(customerID: String, program: LoyaltyProgram, at now: Date) -> LoyaltyEntry? {
        guard program.enabled, program.bonuses.birthday > 0 else { return nil }
        let year = Calendar.utc.component(.year, from: now)
        return entry(
            program.workspaceID, customerID, program.bonuses.birthday, reason: "Happy birthday", origin: "birthday:\(customerID):\(year)", at: now)
    }

    /// Who has a birthday today (UTC), as a segment condition reads it (the built-in birthday
    /// journey's condition, for today alone).
    static func birthdayToday() throws -> SegmentDefinition {
        try SegmentDefinitionParser.parse(.object([
            "field": .string("attributes.birthday"), "op": .string("anniversary_within_days"), "value": .number(0),
        ]))
    }

    private static func entry(_ workspaceID: String, _ customerID: String, _ points: Int64, reason: String, origin: String, at now: Date) -> LoyaltyEntry {
        LoyaltyEntry(
            id: ResourceID.make(.loyaltyEntry, at: now), workspaceID: workspaceID, customerID: customerID, kind: .reward, points: points,
            reason: reason, origin: origin, actor: "rapport", createdAt: now)
    }
}
