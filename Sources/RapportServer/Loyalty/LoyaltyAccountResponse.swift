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
        nextTier = account.nextTier?.name
        pointsToNextTier = account.nextTier.map { $0.minimumPoints - account.balance.qualifying }
        expiring = account.expiring.map(LoyaltyExpiringResponse.init)
        entries = account.entries.items.map(LoyaltyEntryResponse.init)
        hasMore = account.entries.hasMore
    }
}
