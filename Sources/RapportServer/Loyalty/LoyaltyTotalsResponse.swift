import RapportCore

/// `GET /api/v1/loyalty/totals`: the programme at a glance. `tiers` counts the customers in
/// each tier (reaching it and not the next), lowest first.
struct LoyaltyTotalsResponse: Encodable {
    struct Tier: Encodable {
        let name: String
        /// One of the two, as the programme's tiers count (`LoyaltyProgramResponse.Tier`).
        let minimumPoints: Int64?
        let minimumSpend: Int64?
        let customers: Int
    }

    let object = "loyalty_totals"
    let members: Int
    let usablePoints: Int64
    let pendingPoints: Int64
    let belowZero: Int
    let tiers: [Tier]

    init(program: LoyaltyProgram, totals: LoyaltyTotals) {
        members = totals.members
        usablePoints = totals.usablePoints
        pendingPoints = totals.pendingPoints
        belowZero = totals.belowZero
        tiers = program.tiers.enumerated().map { index, tier in
            let reaching = totals.reaching.indices.contains(index) ? totals.reaching[index] : 0
            let reachingNext = totals.reaching.indices.contains(index + 1) ? totals.reaching[index + 1] : 0
            let spend = program.tierMeasure == .spend
            return Tier(
                name: tier.name, minimumPoints: spend ? nil : tier.minimum, minimumSpend: spend ? tier.minimum : nil,
                customers: reaching - reachingNext)
        }
    }
}
