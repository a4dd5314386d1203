import Foundation

/// The loyalty programme and customers' points: the programme set (audited), a customer's
/// account read, points spent or given by hand (audited), pending points released when their
/// returns window passes, and balances rebuilt from the ledger. Orders earn and lose points
/// through `LoyaltyLedger`, in the transaction that changed them.
public struct LoyaltyService: Sendable {
    public static let maximumReasonLength = 200
    public static let maximumPointsByHand: Int64 = 1_000_000_000
    /// What a redemption says when whoever spent the points gave no reason.
    public static let defaultRedemptionReason = "Spent by the team"

    let customers: CustomerService
    var context: CoreContext { customers.context }
    var store: any DataStore { context.store }
    var clock: any WallClock { context.clock }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    /// The workspace's programme; nil before one is set.
    public func program(as actor: Actor) async throws -> LoyaltyProgram? {
        try await store.read { session in try await session.loyalty.program(workspaceID: actor.workspaceID) }
    }

    /// Sets the whole programme — but for rewards and their validity, which stay as they are
    /// when the settings leave them out. A new one begins now: orders recorded before it earn nothing.
    public func setProgram(_ settings: LoyaltyProgramSettings, as actor: Actor) async throws -> LoyaltyProgram {
        try await changeProgram(as: actor, change: "programme set") { _ in settings }
    }

    /// Saves (and audits, saying what `change` was) the programme `edit` makes of the current
    /// one (nil before there is one), read under the programme's lock in the same transaction:
    /// two changes at once both land.
    func changeProgram(
        as actor: Actor, change: String, _ edit: @escaping @Sendable (LoyaltyProgram?) throws -> LoyaltyProgramSettings
    ) async throws -> LoyaltyProgram {
        try actor.require(.manageLoyalty)
        return try await context.write { transaction in
            let now = clock.now()
            try await transaction.session.loyalty.lockProgram(workspaceID: actor.workspaceID)
            let existing = try await transaction.session.loyalty.program(workspaceID: actor.workspaceID)
            let program = try edit(existing).program(workspaceID: actor.workspaceID, existing: existing, at: now)
            try await transaction.session.loyalty.save(program)
            try await transaction.audit(
                AuditRecord(
                    .loyaltyProgramChanged, subject: .workspace(actor.workspaceID),
                    details: ["change": change, "enabled": String(program.enabled), "earn_per_currency_unit": String(program.earnPerCurrencyUnit),
                              "pending_days": String(program.pendingDays), "points_expire": program.expiryRule.rawValue,
                              "points_expire_after_days": String(program.expiryDays), "points_for_review": String(program.bonuses.review),
                              "points_for_sign_up": String(program.bonuses.signUp), "points_for_birthday": String(program.bonuses.birthday),
                              "rewards": String(program.rewards.count), "multipliers": String(program.multipliers.count),
                              "tier_window_days": program.tierWindowDays.map(String.init) ?? "none", "tier_grace_days": String(program.tierGraceDays),
                              "tier_measure": program.tierMeasure.rawValue, "tier_currency": program.tierCurrency ?? "none"]),
                by: actor)
            return program
        }
    }

    /// The programme with its totals (members, points owed, customers per tier; over a window or
    /// by spend, one more read of the orders they count); nil before there is a programme.
    public func totals(as actor: Actor) async throws -> (program: LoyaltyProgram, totals: LoyaltyTotals)? {
        try await store.read { session in
            guard let program = try await session.loyalty.program(workspaceID: actor.workspaceID) else { return nil }
            // Tiers judged from orders are counted from them below, not from the balance rows.
            let minimums = program.tiersReadOrders ? [] : program.tiers.map(\.minimum)
            var totals = try await session.loyalty.totals(workspaceID: actor.workspaceID, tierMinimums: minimums)
            let now = clock.now()
            // Over a window or by spend, each customer's tier from the orders it counts (one read of those orders).
            if let orders = try await program.tierOrders(customerIDs: nil, workspaceID: actor.workspaceID, session: session, at: now) {
                let held = orders.values.map { program.tierPoints(qualifying: 0, orders: $0, at: now).held }
                totals.reaching = program.tiers.map { tier in
                    let reaching = held.filter { $0 >= tier.minimum }.count
                    // Points: members only (a tier from 0 holds every one). Spend: every customer
                    // whose orders reach it, points or not (from 0: members, or more with spend).
                    return switch program.tierMeasure {
                    case .points: tier.minimum <= 0 ? totals.members : min(reaching, totals.members)
                    case .spend: tier.minimum <= 0 ? max(totals.members, held.count) : reaching
                    }
                }
            }
            return (program, totals)
        }
    }

    /// The customer's balance, pending points, tier, a page of entries, newest first, and the
    /// points expiring next.
    public func account(customerID: String, page: PageRequest, as actor: Actor) async throws -> LoyaltyAccount {
        let workspaceID = actor.workspaceID
        return try await store.read { session in
            // One statement for a live customer; only when there is none, the reads that say why.
            guard let record = try await session.loyalty.account(customerID: customerID, workspaceID: workspaceID, page: page) else {
                _ = try await customers.liveCustomer(id: customerID, workspaceID: workspaceID, session: session)
                throw RapportError.notFound("No customer with id \(customerID).")
            }
            return try await Self.account(record, customerID: customerID, workspaceID: workspaceID, at: clock.now(), session: session)
        }
    }

    /// The account of a record read: its tier, the next one (one more read when tiers count a
    /// window or spend), and, when the programme lets points expire, those expiring next (one more read).
    static func account(
        _ record: LoyaltyAccountRecord, customerID: String, workspaceID: String, at now: Date, session: any StoreSession
    ) async throws -> LoyaltyAccount {
        let qualifying = record.balance.qualifying
        var expiring: LoyaltyExpiryForecast?
        if let program = record.program, let (by, cutoff) = program.upcomingExpiry(at: now), record.balance.balance > 0 {
            let sums = try await session.loyalty.expirySums(workspaceID: workspaceID, before: cutoff, customerIDs: [customerID])
            let points = min(sums.first?.expiring ?? 0, record.balance.balance)
            if points > 0 {
                let within = program.expiryRule == .afterDays ? LoyaltyProgram.expiryNoticeDays : nil
                expiring = LoyaltyExpiryForecast(points: points, by: by, withinDays: within)
            }
        }
        var tierPoints = LoyaltyTierPoints(current: qualifying, held: qualifying)
        if let program = record.program {
            let orders = try await program.tierOrders(customerIDs: [customerID], workspaceID: workspaceID, session: session, at: now)
            tierPoints = program.tierPoints(qualifying: qualifying, orders: orders?[customerID], at: now)
        }
        return LoyaltyAccount(
            customerID: customerID, balance: record.balance, tier: record.program?.tier(for: tierPoints.held),
            nextTier: record.program?.tiers.first { $0.minimum > tierPoints.held }, entries: record.entries, expiring: expiring,
            tierPoints: tierPoints, tierMeasure: record.program?.tierMeasure ?? .points, tierCurrency: record.program?.tierCurrency)
    }

    /// Spends `points` of the customer's usable balance; refused (409) beyond it, and while the
    /// balance is below zero after a return of points already spent.
    /// `reason` nil: `defaultRedemptionReason`.
    public func redeem(customerID: String, points: Int64, reason: String?, as actor: Actor) async throws -> LoyaltyEntry {
        try actor.require(.redeemPoints)
        guard points > 0, points <= Self.maximumPointsByHand else {
            throw RapportError.invalid(field: "points", "must be a whole number from 1 to \(Self.maximumPointsByHand)")
        }
        let reason = try Self.checked(reason ?? Self.defaultRedemptionReason)
        return try await context.write { transaction in
            let session = transaction.session
            _ = try await customers.liveForWrite(id: customerID, workspaceID: actor.workspaceID, session: session)
            let balance = try await session.loyalty.balance(customerID: customerID, workspaceID: actor.workspaceID)?.balance ?? 0
            guard balance >= points else {
                throw RapportError.conflict("Customer \(customerID) has \(balance) usable points; \(points) cannot be spent.")
            }
            let entry = try await post(.redeem, points: -points, reason: reason, customerID: customerID, as: actor, in: transaction)
            try await transaction.audit(
                AuditRecord(.loyaltyPointsRedeemed, subject: .customer(customerID), details: ["points": String(points), "entry_id": entry.id]), by: actor)
            return entry
        }
    }

    /// Gives (positive) or takes (negative) points by hand, with the reason recorded.
    public func adjust(customerID: String, points: Int64, reason: String, as actor: Actor) async throws -> LoyaltyEntry {
        try actor.require(.adjustPoints)
        guard points != 0, (-Self.maximumPointsByHand...Self.maximumPointsByHand).contains(points) else {
            throw RapportError.invalid(field: "points", "must be a whole number other than 0, at most \(Self.maximumPointsByHand) either way")
        }
        let reason = try Self.checked(reason)
        return try await context.write { transaction in
            _ = try await customers.liveForWrite(id: customerID, workspaceID: actor.workspaceID, session: transaction.session)
            let entry = try await post(.adjust, points: points, reason: reason, customerID: customerID, as: actor, in: transaction)
            try await transaction.audit(
                AuditRecord(.loyaltyPointsAdjusted, subject: .customer(customerID), details: ["points": String(points), "entry_id": entry.id]), by: actor)
            return entry
        }
    }

    /// Makes usable the pending points whose returns window has passed, at most `limit` orders a
    /// round; answers how many orders it looked at.
    public func releaseDue(limit: Int = 500) async throws -> Int {
        let now = clock.now()
        let due = try await store.read { session in try await session.loyalty.dueHolds(at: now, limit: limit) }
        for (workspaceID, holds) in Dictionary(grouping: due, by: \.workspaceID) {
            try await context.write { transaction in
                let session = transaction.session
                let ids = holds.map(\.orderID)
                let orders = try await session.loyalty.orders(ids: ids, workspaceID: workspaceID)
                try await LoyaltyLedger.settle(orders, seenBefore: Set(ids), workspaceID: workspaceID, in: transaction)
                // A hold whose order is gone (erased with its customer's other data) is dropped.
                let found = Set(orders.map(\.id))
                try await session.loyalty.setHolds(
                    holds.filter { !found.contains($0.orderID) }.map {
                        LoyaltyHold(orderID: $0.orderID, workspaceID: workspaceID, customerID: "", points: 0, usableAt: nil)
                    })
            }
        }
        return due.count
    }

    /// Expires the usable points of every programme whose points expire, oldest first: per
    /// customer, one `expire` entry for what is left of the points given before the programme's
    /// cutoff (`LoyaltyExpirySums`). One pass over the customers with points, `batch` at a time: their sums read
    /// outside any write; those with a change read again in a write with their balance rows
    /// locked (a redemption waits), and written once however often it runs (the origin names
    /// the sums). Answers how many customers' points changed.
    public func expireDue(batch: Int = 2_000) async throws -> Int {
        let now = clock.now()
        var changed = 0
        for program in try await store.read({ session in try await session.loyalty.programs() }) where program.expiryRule != .never {
            guard let cutoff = program.expiryCutoff(at: now) else { continue }
            let workspaceID = program.workspaceID
            try await eachPageOfMembers(workspaceID: workspaceID, batch: batch) { customers in
                let due = try await store.read { session in
                    try await session.loyalty.expirySums(workspaceID: workspaceID, before: cutoff, customerIDs: customers)
                        .filter { $0.expiring > 0 }.map(\.customerID)
                }
                if !due.isEmpty { changed += try await expire(due, of: program, before: cutoff) }
            }
        }
        return changed
    }

    /// Hands `body` the workspace's customers with points (a balance row), `batch` at a time in
    /// id order: a sweep's pass, each page read on its own.
    func eachPageOfMembers(workspaceID: String, batch: Int, _ body: ([String]) async throws -> Void) async throws {
        var cursor: String?
        while true {
            let after = cursor
            let customers = try await store.read { session in
                try await session.loyalty.customersWithBalances(workspaceID: workspaceID, after: after, limit: batch)
            }
            if !customers.isEmpty { try await body(customers) }
            guard customers.count == batch, let last = customers.last else { break }
            cursor = last
        }
    }

    private func expire(_ customerIDs: [String], of program: LoyaltyProgram, before cutoff: Date) async throws -> Int {
        let workspaceID = program.workspaceID
        return try await context.write { transaction in
            let session = transaction.session
            try await session.loyalty.lockBalances(customerIDs: customerIDs, workspaceID: workspaceID)
            // Read again under the locks: a redemption or a return that committed meanwhile counts.
            let sums = try await session.loyalty.expirySums(workspaceID: workspaceID, before: cutoff, customerIDs: customerIDs)
            let entries = sums.filter { $0.expiring > 0 }.map { sum in
                LoyaltyEntry(
                    id: ResourceID.make(.loyaltyEntry, at: transaction.now), workspaceID: workspaceID, customerID: sum.customerID,
                    kind: .expire, points: -sum.expiring, reason: "\(program.expiryWording): \(sum.expiring) expired",
                    origin: sum.origin, createdAt: transaction.now)
            }
            return try await transaction.appendLoyalty(entries).count
        }
    }

    /// Runs the programme's rules over every order of the workspace, those recorded before the
    /// programme began included (a programme started on a shop with history, or after rules
    /// changed): what is missing is added, what is there is written once. `pageSize` orders a
    /// transaction. The entries are written without moving balances, page by page, and every
    /// balance of the workspace is summed from the ledger once at the end (a million balance
    /// upserts become one statement; until then the credited customers' balances lag behind).
    /// Answers the orders looked at and the entries added.
    public func replay(pageSize: Int = 5_000, as actor: Actor) async throws -> (orders: Int, entries: Int) {
        try actor.require(.manageLoyalty)
        let workspaceID = actor.workspaceID
        guard let program = try await store.read({ session in try await session.loyalty.program(workspaceID: workspaceID) }) else {
            throw RapportError.conflict("There is no loyalty programme to replay; PUT /api/v1/loyalty/program sets one.")
        }
        // The orders in disjoint shares, one writer each (one on SQLite; side by side on
        // PostgreSQL): a replay writes no balance rows, so the writers touch different rows.
        let stripes = max(1, store.parallelWriters)
        let started = clock.now()
        let (orders, entries) = try await withThrowingTaskGroup(of: (orders: Int, entries: Int).self) { group in
            for stripe in 0..<stripes {
                group.addTask {
                    try await replay(stripe: stripe, of: stripes, pageSize: pageSize, program: program, workspaceID: workspaceID, started: started)
                }
            }
            return try await group.reduce(into: (orders: 0, entries: 0)) { total, share in
                total.orders += share.orders
                total.entries += share.entries
            }
        }
        if entries > 0 {
            // The history credited at once is not news: the next tier pass notes it quietly.
            _ = try await store.write { session in
                try await session.loyalty.forgetTierBaseline(workspaceID: workspaceID)
                return try await session.loyalty.rebuildBalances(customerIDs: nil, workspaceID: workspaceID)
            }
        }
        return (orders, entries)
    }

    /// One share of the orders, a page a transaction.
    private func replay(
        stripe: Int, of stripes: Int, pageSize: Int, program: LoyaltyProgram, workspaceID: String, started: Date
    ) async throws -> (orders: Int, entries: Int) {
        var cursor: String?
        var (orders, entries) = (0, 0)
        while true {
            let after = cursor
            let (page, added) = try await context.write { transaction in
                let session = transaction.session
                let page = try await session.loyalty.orders(workspaceID: workspaceID, after: after, stripe: stripe, of: stripes, limit: pageSize)
                let added = try await LoyaltyLedger.settle(
                    page, seenBefore: Set(page.map(\.id)), workspaceID: workspaceID, in: transaction,
                    includingHistory: true, movingBalances: false, program: program, tiersAsOf: started)
                return (page, added.count)
            }
            orders += page.count
            entries += added
            guard page.count == pageSize, let last = page.last else { return (orders, entries) }
            cursor = last.id
        }
    }

    /// Recomputes the workspace's balance rows from the ledger; how many it wrote. The next tier
    /// pass notes where everyone stands without telling (rows that had drifted are no news).
    public func rebuildBalances(workspaceID: String) async throws -> Int {
        try await store.write { session in
            try await session.loyalty.forgetTierBaseline(workspaceID: workspaceID)
            return try await session.loyalty.rebuildBalances(customerIDs: nil, workspaceID: workspaceID)
        }
    }

    /// Appends one entry by hand; `id` when the caller named it already (a reward code points to it).
    func post(
        _ kind: LoyaltyEntryKind, points: Int64, reason: String, customerID: String, as actor: Actor, in transaction: WriteTransaction,
        id: String? = nil
    ) async throws -> LoyaltyEntry {
        let now = transaction.now
        let id = id ?? ResourceID.make(.loyaltyEntry, at: now)
        let entry = LoyaltyEntry(
            id: id, workspaceID: actor.workspaceID, customerID: customerID, kind: kind, points: points, reason: reason,
            origin: "\(kind.rawValue):\(id)", actor: actor.label, createdAt: now)
        try await transaction.appendLoyalty([entry])
        return entry
    }

    private static func checked(_ reason: String) throws -> String {
        let trimmed = reason.trimmed
        guard !trimmed.isEmpty, trimmed.count <= maximumReasonLength else {
            throw RapportError.invalid(field: "reason", "is required: 1 to \(maximumReasonLength) characters")
        }
        return trimmed
    }
}
