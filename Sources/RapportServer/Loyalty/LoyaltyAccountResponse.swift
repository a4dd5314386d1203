import Foundation
import RapportCore

/// A customer's points as the API shows them: `balance` (usable), `pending`, `tier` (its name,
/// or null), the next tier and what it still takes, the points expiring next, and the ledger
/// newest first.
struct LoyaltyAccountResponse: Encodable {
    let object = "loyalty_account"
    let customerId: String
    let balance: Int64
    let pending: Int64
    let qualifyingPoints: Int64
    let tier: String?
    /// `points` or `spend`: what the tiers count.
    let tierMeasure: String
    /// What the tier counts now, when the tiers count points: the qualifying points, or those of
    /// the orders in the window; null when they count spend.
    let tierPoints: Int64?
    /// What the tier counts now, when the tiers count spend: minor units of `tier_currency`
    /// kept of the orders (in the window); null when they count points.
    let tierSpend: Int64?
    let tierCurrency: String?
    /// The tier is kept by the grace period: the window's count now is below it.
    let tierInGrace: Bool
    let nextTier: String?
    let pointsToNextTier: Int64?
    let spendToNextTier: Int64?
    /// The usable points that expire next unless spent, and by when; null when none are about to.
    let expiring: LoyaltyExpiringResponse?
    let entries: [LoyaltyEntryResponse]
    let hasMore: Bool

    init(_ account: LoyaltyAccount) {
        customerId = account.customerID
        balance = account.balance.balance
        pending = account.balance.pending
        qualifyingPoints = account.balance.qualifying
        tier = account.tier?.name
        let spend = account.tierMeasure == .spend
        tierMeasure = account.tierMeasure.rawValue
        tierPoints = spend ? nil : account.tierPoints.current
        tierSpend = spend ? account.tierPoints.current : nil
        tierCurrency = spend ? account.tierCurrency : nil
        tierInGrace = account.tierInGrace
        nextTier = account.nextTier?.name
        pointsToNextTier = spend ? nil : account.toNextTier
        spendToNextTier = spend ? account.toNextTier : nil
        expiring = account.expiring.map(LoyaltyExpiringResponse.init)
        entries = account.entries.items.map(LoyaltyEntryResponse.init)
        hasMore = account.entries.hasMore
    }
}
