import Foundation
import RapportCore

/// The loyalty programme as the API shows it.
struct LoyaltyProgramResponse: Encodable {
    /// `minimum_points` when the tiers count points, `minimum_spend` (minor units of the tier
    /// currency) when they count spend; the other null.
    struct Tier: Encodable {
        let name: String
        let minimumPoints: Int64?
        let minimumSpend: Int64?
        let multiplier: Double
    }

    struct Multiplier: Encodable {
        let name: String
        let multiplier: Double
        let category: String?
        let startsAt: String?
        let endsAt: String?
    }

    let object = "loyalty_program"
    let enabled: Bool
    let earnPerCurrencyUnit: Double
    let earnOn: String
    let pointsPerOrder: Int64
    let pendingDays: Int
    let assumedDeliveryDays: Int
    let ordersPlacedFrom: String?
    let tiers: [Tier]
    let tierMeasure: String
    let tierCurrency: String?
    let tierWindowDays: Int?
    let tierGraceDays: Int
    let rewards: [LoyaltyRewardResponse]
    let rewardValidDays: Int
    let pointsExpire: String
    let pointsExpireAfterDays: Int
    let pointsForReview: Int64
    let pointsForReviewVerifiedOnly: Bool
    let pointsForSignUp: Int64
    let pointsForBirthday: Int64
    let multipliers: [Multiplier]
    let startedAt: String
    let updatedAt: String

    init(_ program: LoyaltyProgram) {
        enabled = program.enabled
        earnPerCurrencyUnit = program.earnPerCurrencyUnit
        earnOn = program.earningBase.rawValue
        pointsPerOrder = program.pointsPerOrder
        pendingDays = program.pendingDays
        assumedDeliveryDays = program.assumedDeliveryDays
        ordersPlacedFrom = program.ordersPlacedFrom.map(Timestamp.iso8601)
        let spend = program.tierMeasure == .spend
        tiers = program.tiers.map {
            Tier(
                name: $0.name, minimumPoints: spend ? nil : $0.minimum, minimumSpend: spend ? $0.minimum : nil,
                multiplier: Double($0.multiplierHundredths) / 100)
        }
        tierMeasure = program.tierMeasure.rawValue
        tierCurrency = program.tierCurrency
        tierWindowDays = program.tierWindowDays
        tierGraceDays = program.tierGraceDays
        rewards = program.rewards.map(LoyaltyRewardResponse.init)
        rewardValidDays = program.rewardValidDays
        pointsExpire = program.expiryRule.rawValue
        pointsExpireAfterDays = program.expiryDays
        pointsForReview = program.bonuses.review
        pointsForReviewVerifiedOnly = program.bonuses.reviewVerifiedOnly
        pointsForSignUp = program.bonuses.signUp
        pointsForBirthday = program.bonuses.birthday
        multipliers = program.multipliers.map {
            Multiplier(
                name: $0.name, multiplier: Double($0.factorHundredths) / 100, category: $0.category, startsAt: $0.startsAt.map(Timestamp.iso8601),
                endsAt: $0.endsAt.map(Timestamp.iso8601))
        }
        startedAt = Timestamp.iso8601(program.startedAt)
        updatedAt = Timestamp.iso8601(program.updatedAt)
    }
}
