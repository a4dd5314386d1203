import Foundation

/// Keeps the points ledger in step with orders, inside the transaction that changed them: for
/// each order changed, the programme's rule (`LoyaltyOrderRule`) over the order's state and its
/// entries so far gives the entries to add. A batch of orders costs a handful of statements
/// whatever its size: the programme, the standings of orders seen before, one insert of the
/// entries with the balances they move, one write of the holds.
struct LoyaltyLedger: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        // The order as it stands after the last change of it in this batch.
        var latest: [String: LoyaltyOrder] = [:]
        var seenBefore: Set<String> = []
        var sequence: [String] = []
        for change in changes {
            guard let change = change as? OrderChange else { continue }
            if latest.updateValue(LoyaltyOrder(change.order), forKey: change.order.id) == nil { sequence.append(change.order.id) }
            if change.kind != .created { seenBefore.insert(change.order.id) }
        }
        guard !latest.isEmpty else { return }
        let byWorkspace = Dictionary(grouping: sequence.compactMap { latest[$0] }, by: \.workspaceID)
        for (workspaceID, orders) in byWorkspace {
            try await Self.settle(orders, seenBefore: seenBefore, workspaceID: workspaceID, in: transaction)
        }
    }

    /// Adds the entries the orders' state calls for and keeps their holds; answers the entries
    /// added. `seenBefore`: the orders that may have entries already (a new order has none);
    /// `includingHistory`: a replay, which credits orders recorded before the programme too;
    /// `movingBalances` false: a replay, which rebuilds the balances once at its end;
    /// `tiersAsOf`: a replay's start, the tiers its multipliers read being those before it.
    @discardableResult
    static func settle(
        _ orders: [LoyaltyOrder], seenBefore: Set<String>, workspaceID: String, in transaction: WriteTransaction,
        includingHistory: Bool = false, movingBalances: Bool = true, program known: LoyaltyProgram? = nil, tiersAsOf: Date? = nil
    ) async throws -> [LoyaltyEntry] {
        let (session, now) = (transaction.session, transaction.now)
        let found = known == nil ? try await session.loyalty.program(workspaceID: workspaceID) : known
        guard let program = found else { return [] }
        let earlier = orders.filter { seenBefore.contains($0.id) }.map(\.id)
        let standings = earlier.isEmpty ? [:] : try await session.loyalty.standings(orderIDs: earlier, workspaceID: workspaceID)
        // Orders that would earn now; their customers must be able to hold points (an erased
        // customer's orders stay on a placeholder, which earns nothing).
        let earning = orders.filter { program.earns($0, includingHistory: includingHistory) }
        let earners = Set(earning.map(\.customerID))
        let barred = earners.isEmpty ? [] : try await session.loyalty.customersWithoutPoints(Array(earners), workspaceID: workspaceID)
        let earningIDs = Set(earning.filter { !barred.contains($0.customerID) }.map(\.id))
        let (lines, tiers) = try await multiplierInputs(
            for: orders.filter { earningIDs.contains($0.id) && (standings[$0.id]?.earned ?? 0) == 0 }, program: program,
            workspaceID: workspaceID, session: session, at: now, tiersAsOf: tiersAsOf)
        var entries: [LoyaltyEntry] = []
        var holds: [LoyaltyHold] = []
        var generator = ChaChaRandom()
        for order in orders {
            let existing = standings[order.id]
            let earns = earningIDs.contains(order.id)
            // An order without entries that earns nothing (history, or the programme off) needs no look.
            if existing == nil, !earns { continue }
            let standing = existing ?? LoyaltyOrderStanding()
            let added = LoyaltyOrderRule.entries(
                for: order, program: program, standing: standing, at: now, earns: earns, lines: lines[order.id] ?? [],
                tier: tiers[order.id], makeID: { ResourceID.make(.loyaltyEntry, at: now, using: &generator) })
            entries += added
            let hold = LoyaltyOrderRule.hold(for: order, program: program, standing: standing, entries: added)
            // A hold is written while points wait, and for an order seen before also rewritten or
            // removed (so a due hold never stays due).
            if hold.points > 0 || existing != nil { holds.append(hold) }
        }
        guard !entries.isEmpty || !holds.isEmpty else { return [] }
        let added = try await transaction.appendLoyalty(entries, movingBalances: movingBalances)
        try await session.loyalty.setHolds(holds)
        return added
    }

    /// What the multipliers read to price orders about to earn, only when the programme has
    /// such multipliers: their lines' categories, and each order's tier, by order id, as its
    /// customer stands before it (`LoyaltyProgram.pricingTiers`: an order that lifts a customer
    /// into a tier earns at the tier below; a replay prices by points at the tier the customer
    /// held when it began, from the balance rows it leaves alone or, over a window, from the
    /// entries written before it; by spend, at the tier of the orders placed before it).
    private static func multiplierInputs(
        for pricing: [LoyaltyOrder], program: LoyaltyProgram, workspaceID: String, session: any StoreSession, at now: Date, tiersAsOf: Date?
    ) async throws -> (lines: [String: [LoyaltyOrderLine]], tiers: [String: LoyaltyTier]) {
        guard !pricing.isEmpty else { return ([:], [:]) }
        let lines = program.readsLineCategories ? try await session.loyalty.lines(orderIDs: pricing.map(\.id), workspaceID: workspaceID) : [:]
        guard program.tiersMultiply else { return (lines, [:]) }
        let tiers = try await program.pricingTiers(
            for: pricing, workspaceID: workspaceID, session: session, at: tiersAsOf ?? now, recordedBefore: tiersAsOf)
        return (lines, tiers)
    }
}
