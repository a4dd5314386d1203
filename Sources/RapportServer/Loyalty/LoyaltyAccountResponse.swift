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
    /// What the tier counts now: the qualifying points, or those of the orders in the window.
    let tierPoints: Int64
    /// The tier is kept by the grace period: the window's points now are below it.
    let tierInGrace: Bool
    let nextTier: String?
    let pointsToNextTier: Int64?
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
        tierPoints = account.tierPoints.current
        tierInGrace = account.tierInGrace
        nextTier = account.nextTier?.name
        pointsToNextTier = account.pointsToNextTier
        expiring = account.expiring.map(LoyaltyExpiringResponse.init)
        entries = account.entries.items.map(LoyaltyEntryResponse.init)
        hasMore = account.entries.hasMore
    }
}
