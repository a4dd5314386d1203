import Foundation

/// The loyalty programme, the points ledger and what is kept beside it: each customer's
/// balance row and each order's pending points.
public protocol LoyaltyRepository: Sendable {
    func program(workspaceID: String) async throws -> LoyaltyProgram?
    /// Holds the workspace's programme for the rest of a write transaction (PostgreSQL), so a
    /// change read from it and saved is not lost to another at the same moment.
    func lockProgram(workspaceID: String) async throws
    /// Every workspace's programme.
    func programs() async throws -> [LoyaltyProgram]
    /// The entry with this origin.
    func entry(origin: String, workspaceID: String) async throws -> LoyaltyEntry?
    /// Customers of the workspace with a balance row, by id: at most `limit` after `cursor`.
    func customersWithBalances(workspaceID: String, after cursor: String?, limit: Int) async throws -> [String]
    /// The expiry sums of these customers for `cutoff` (those with no entries are left out).
    func expirySums(workspaceID: String, before cutoff: Date, customerIDs: [String]) async throws -> [LoyaltyExpirySums]
    /// Locks the customers' balance rows for the rest of a write transaction (PostgreSQL), in
    /// id order, so points cannot be spent while their expiry is written.
    func lockBalances(customerIDs: [String], workspaceID: String) async throws
    /// The latest expiry notice of each of these customers that had one.
    func expiryNotices(customerIDs: [String], workspaceID: String) async throws -> [String: LoyaltyExpiryNotice]
    /// The tier each customer was last told (`loyalty.tier_changed`); those never told are absent.
    func tierStates(customerIDs: [String], workspaceID: String) async throws -> [String: LoyaltyTierState]
    /// Keeps each state as the customer's latest, replacing the one before.
    func saveTierStates(_ states: [LoyaltyTierState]) async throws
    /// `LoyaltyProgram.tierSignature` when every customer's tier was last noted; nil before.
    func tierBaseline(workspaceID: String) async throws -> String?
    func saveTierBaseline(workspaceID: String, signature: String, at moment: Date) async throws
    /// The next pass notes every customer's tier without telling: the workspace's balances were
    /// rebuilt (a replay credited its history) or its tiers removed.
    func forgetTierBaseline(workspaceID: String) async throws
    /// Keeps each notice as its customer's latest.
    func saveExpiryNotices(_ notices: [LoyaltyExpiryNotice]) async throws
    func save(_ program: LoyaltyProgram) async throws
    /// Adds the entries whose origin is not there yet and, when `movingBalances`, moves the
    /// balances by them in the same go (a bulk replay rebuilds them once at its end instead);
    /// answers the entries added.
    func append(_ entries: [LoyaltyEntry], movingBalances: Bool) async throws -> [LoyaltyEntry]
    /// Each order's standing, summed from its entries (orders without any are left out).
    func standings(orderIDs: [String], workspaceID: String) async throws -> [String: LoyaltyOrderStanding]
    /// Writes the holds with points, removes those at 0.
    func setHolds(_ holds: [LoyaltyHold]) async throws
    /// Orders whose pending points are usable at `now`: workspace and order ids, at most `limit`.
    func dueHolds(at now: Date, limit: Int) async throws -> [(workspaceID: String, orderID: String)]
    /// The orders with these ids, as the points rules read them; locked for the rest of a write
    /// transaction on PostgreSQL, so a change of the order waits for the rule's entries.
    func orders(ids: [String], workspaceID: String) async throws -> [LoyaltyOrder]
    /// The workspace's orders by id, a page after `cursor` (an order id; nil: from the first),
    /// of one share of them (`stripe` of `stripes`, disjoint shares that together hold every
    /// order, so that writers can replay them side by side); locked as above.
    func orders(workspaceID: String, after cursor: String?, stripe: Int, of stripes: Int, limit: Int) async throws -> [LoyaltyOrder]
    /// Of these customers, those who hold no points: erased (their orders stay on a
    /// placeholder), deleted, or merged away.
    func customersWithoutPoints(_ ids: [String], workspaceID: String) async throws -> Set<String>
    /// The lines of these orders with their products' categories, for category multipliers
    /// (orders without lines are left out).
    func lines(orderIDs: [String], workspaceID: String) async throws -> [String: [LoyaltyOrderLine]]
    /// The balance rows of these customers (tier multipliers read the qualifying points, expiry
    /// notices the usable ones); those without one are left out.
    func balances(customerIDs: [String], workspaceID: String) async throws -> [String: LoyaltyBalance]
    /// For tiers over a window: the orders placed from `placedAfter` with the points each earned
    /// and kept, per live customer; nil `customerIDs`: every live customer of the workspace;
    /// `recordedBefore`: only the entries written before that moment (a replay's start).
    func tierOrders(customerIDs: [String]?, workspaceID: String, placedAfter: Date, recordedBefore: Date?) async throws -> [String: [LoyaltyTierOrder]]
    /// For tiers counting spend: the live customers' orders in `currency` that are neither
    /// cancelled nor refunded, placed from `placedAfter` (nil: ever); nil `customerIDs`: every
    /// live customer of the workspace; `recordedBefore`: only orders recorded before that moment;
    /// `partlyRefundedOnly`: only those something was refunded of.
    func spendOrders(
        customerIDs: [String]?, workspaceID: String, currency: String, placedAfter: Date?, recordedBefore: Date?, partlyRefundedOnly: Bool
    ) async throws -> [LoyaltyOrder]
    /// Per live customer (of `customerIDs`; nil: every one), the sum of what `base` counts of
    /// their orders in `currency` placed from `placedAfter` that are neither cancelled nor
    /// refunded at all (the rest: `spendOrders`).
    func unrefundedSpend(
        customerIDs: [String]?, workspaceID: String, currency: String, base: LoyaltyEarningBase, placedAfter: Date?
    ) async throws -> [String: Int64]
    /// Locked for the rest of a write transaction on PostgreSQL (a redemption checks it).
    func balance(customerID: String, workspaceID: String) async throws -> LoyaltyBalance?
    /// Adds the code unless the workspace has that code already; answers whether it did.
    func insert(_ code: LoyaltyRewardCode) async throws -> Bool
    /// The customer's reward codes, newest first, at most `limit`.
    func rewardCodes(customerID: String, workspaceID: String, limit: Int) async throws -> [LoyaltyRewardCode]
    /// Marks the code used by the order, once: nil when there is no such code, it was used
    /// already, or it expired before `now`.
    func useRewardCode(_ code: String, orderID: String, workspaceID: String, at now: Date) async throws -> LoyaltyRewardCode?
    /// The workspace's totals over its balance rows; `reaching` counts per tier minimum given.
    func totals(workspaceID: String, tierMinimums: [Int64]) async throws -> LoyaltyTotals
    /// The account of a live customer in one read (the programme, the balance row, a page of
    /// entries newest first); nil when no live customer has the id (unknown, deleted, merged
    /// away or erased: the caller asks which).
    func account(customerID: String, workspaceID: String, page: PageRequest) async throws -> LoyaltyAccountRecord?
    /// Recomputes the customers' balance rows from their entries; nil: every customer of the
    /// workspace. Answers how many rows it wrote.
    @discardableResult
    func rebuildBalances(customerIDs: [String]?, workspaceID: String) async throws -> Int
}
