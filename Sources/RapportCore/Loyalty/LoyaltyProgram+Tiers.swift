import Foundation

/// The tiers: which one a count reaches, and what each customer's count is — the qualifying points
/// of the balance rows, or the orders the tiers read (a window of points, or spend).
extension LoyaltyProgram {
    /// The highest tier `counted` reaches (points, or minor units of spend); nil below the first.
    public func tier(for counted: Int64) -> LoyaltyTier? {
        tiers.last { counted >= $0.minimum }
    }

    /// The earliest moment an order may have been placed to count for a tier at `now` (the
    /// window and its grace); nil when tiers count every order.
    public func tierLookback(at now: Date) -> Date? {
        tierWindowDays.map { now.addingTimeInterval(-Double($0 + tierGraceDays) * 86_400) }
    }

    /// What decides every customer's tier, as one text (JSON): the tiers (names, minimums), what
    /// they count and over which window — with spend, also the earning base and the first day
    /// orders count. When it differs from the one noted at the last pass, tier changes are noted
    /// without being announced (`LoyaltyService.announceTierChanges`).
    public var tierSignature: String {
        var parts: [JSONValue] = [
            .string(tierMeasure.rawValue), tierWindowDays.map { .number(Double($0)) } ?? .null, .number(Double(tierGraceDays)),
            .array(tiers.map { .array([.string($0.name), .number(Double($0.minimum))]) }),
        ]
        if tierMeasure == .spend {
            parts += [
                tierCurrency.map(JSONValue.string) ?? .null, .string(earningBase.rawValue),
                ordersPlacedFrom.map { .number(Double(Timestamp.microseconds($0))) } ?? .null,
            ]
        }
        return JSONValue.array(parts).jsonText
    }

    /// Whether the tiers are judged from orders read for them: a window, or spend. Otherwise the
    /// balance rows' qualifying points decide, and no order is read.
    public var tiersReadOrders: Bool {
        tierMeasure == .spend || tierWindowDays != nil
    }

    /// What a tier is judged by: the qualifying points when the tiers read no orders, else the
    /// count of `orders` (those `tierOrders` read; nil: none) — every one, or the window's.
    public func tierPoints(qualifying: Int64, orders: [LoyaltyTierOrder]?, at now: Date) -> LoyaltyTierPoints {
        guard tiersReadOrders else { return LoyaltyTierPoints(current: qualifying, held: qualifying) }
        guard let tierWindowDays else {
            let counted = (orders ?? []).filter { $0.placedAt <= now }.reduce(Int64(0)) { $0 + max($1.counted, 0) }
            return LoyaltyTierPoints(current: counted, held: counted)
        }
        return LoyaltyTierWindow.points(of: orders ?? [], at: now, windowDays: tierWindowDays, graceDays: tierGraceDays)
    }

    /// What the order counts towards a spend tier: its amount on the earning base (`total` or
    /// `subtotal`) less the refunded share, in minor units; nothing when it is cancelled or wholly
    /// refunded, or in another currency than the tiers'.
    public func keptSpend(of order: LoyaltyOrder) -> Int64 {
        guard order.currency == tierCurrency, !order.isWhollyLost else { return 0 }
        let amount = earningBase.amount(of: order.totals)
        return amount - LoyaltyOrderRule.share(of: amount, refunded: order.totals.refunded, total: order.totals.total)
    }

    /// The orders the tiers count at `now`, per customer (`customerIDs` nil: every customer still
    /// on record); nil when the tiers read no orders. Points over a window: the ledger's entries of
    /// the orders placed in it and its grace; spend: the orders in the tier currency placed since
    /// the window (or ever) and `ordersPlacedFrom` — without a window, those nothing was refunded
    /// of summed by the database, one a customer, unless `perOrder`. `recordedBefore`: only what
    /// was recorded before then (a replay's start).
    public func tierOrders(
        customerIDs: [String]?, workspaceID: String, session: any StoreSession, at now: Date, recordedBefore: Date? = nil,
        perOrder: Bool = false
    ) async throws -> [String: [LoyaltyTierOrder]]? {
        guard !tiers.isEmpty, tiersReadOrders else { return nil }
        let since = tierLookback(at: now)
        switch tierMeasure {
        case .points:
            return try await session.loyalty.tierOrders(
                customerIDs: customerIDs, workspaceID: workspaceID, placedAfter: since ?? .distantPast, recordedBefore: recordedBefore)
        case .spend:
            guard let currency = tierCurrency else { return [:] }
            let from = [since, ordersPlacedFrom].compactMap { $0 }.max()
            var counted: [String: [LoyaltyTierOrder]] = [:]
            let summed = !perOrder && tierWindowDays == nil && recordedBefore == nil
            if summed {
                for (customerID, spent) in try await session.loyalty.unrefundedSpend(
                    customerIDs: customerIDs, workspaceID: workspaceID, currency: currency, base: earningBase, placedAfter: from)
                {
                    counted[customerID] = [LoyaltyTierOrder(placedAt: .distantPast, counted: spent)]
                }
            }
            let orders = try await session.loyalty.spendOrders(
                customerIDs: customerIDs, workspaceID: workspaceID, currency: currency, placedAfter: from, recordedBefore: recordedBefore,
                partlyRefundedOnly: summed)
            for order in orders {
                counted[order.customerID, default: []].append(
                    LoyaltyTierOrder(placedAt: order.placedAt, counted: keptSpend(of: order), orderID: order.id))
            }
            return counted
        }
    }

    /// The tier each of the customers holds at `now` (none below the first); `recordedBefore`:
    /// as what was recorded before then shows it (a replay's start; the balance rows a replay
    /// leaves alone until its end).
    public func heldTiers(
        customerIDs: [String], workspaceID: String, session: any StoreSession, at now: Date, recordedBefore: Date? = nil
    ) async throws -> [String: LoyaltyTier] {
        guard !tiers.isEmpty, !customerIDs.isEmpty else { return [:] }
        let counted = try await tierOrders(customerIDs: customerIDs, workspaceID: workspaceID, session: session, at: now, recordedBefore: recordedBefore)
        let qualifying = counted == nil ? try await session.loyalty.balances(customerIDs: customerIDs, workspaceID: workspaceID).mapValues(\.qualifying) : [:]
        // A customer without a balance row has no points yet: a tier from 0 holds them too.
        return customerIDs.reduce(into: [:]) { held, customerID in
            held[customerID] = tier(for: tierPoints(qualifying: qualifying[customerID] ?? 0, orders: counted?[customerID], at: now).held)
        }
    }

    /// The tier each order is priced at, by order id: the one its customer holds before it. By
    /// points, the customer's tier now (the order has earned nothing yet); by spend, the tier the
    /// customer's orders placed before it reach — so the order that lifts a customer into Gold
    /// earns at the tier below, and a replay prices each order the same however its pages fall.
    /// `recordedBefore`: a replay's start.
    public func pricingTiers(
        for orders: [LoyaltyOrder], workspaceID: String, session: any StoreSession, at now: Date, recordedBefore: Date?
    ) async throws -> [String: LoyaltyTier] {
        let customers = Array(Set(orders.map(\.customerID)))
        guard !tiers.isEmpty, !customers.isEmpty else { return [:] }
        guard tierMeasure == .spend else {
            let held = try await heldTiers(customerIDs: customers, workspaceID: workspaceID, session: session, at: now, recordedBefore: recordedBefore)
            return orders.reduce(into: [:]) { priced, order in priced[order.id] = held[order.customerID] }
        }
        let counted = try await tierOrders(
            customerIDs: customers, workspaceID: workspaceID, session: session, at: now, recordedBefore: recordedBefore, perOrder: true)
        return orders.reduce(into: [:]) { priced, order in
            // Compared as stored, to the microsecond: the order as it changes may hold a finer moment.
            let placed = Timestamp.microseconds(order.placedAt)
            let before = counted?[order.customerID]?.filter { $0.orderID != order.id && Timestamp.microseconds($0.placedAt) < placed } ?? []
            priced[order.id] = tier(for: tierPoints(qualifying: 0, orders: before, at: now).held)
        }
    }
}
