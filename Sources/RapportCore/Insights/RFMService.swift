import Foundation

/// Recency, frequency and monetary scores per customer: recomputed whole once a day (new
/// quintile cut points, recency moved on), and between those, every few seconds, for the
/// customers whose orders changed or who changed themselves (merged, unmerged, deleted) —
/// scored against the day's cut points, so a new order moves its customer at once.
public struct RFMService: Sendable {
    let context: CoreContext
    public var store: any DataStore { context.store }
    public var clock: any WallClock { context.clock }
    public static let fullRecompute: TimeInterval = 86_400

    public init(context: CoreContext) {
        self.context = context
    }

    /// Recomputes every customer's scores and the cut points.
    @discardableResult
    func recompute(workspaceID: String) async throws -> Int {
        let now = clock.now()
        return try await context.write { transaction in
            let insights = transaction.session.insights
            guard let currency = try await insights.mainCurrency(workspaceID: workspaceID) else { return 0 }
            let changed = try await insights.lastChange(workspaceID: workspaceID) ?? now
            let purchases = try await insights.purchases(workspaceID: workspaceID, currency: currency, customers: nil)
            let thresholds = RFMThresholds(values: purchases.map { (max(0, now.timeIntervalSince($0.lastOrderAt) / 86_400), $0.orders, $0.monetary) })
            let rows = purchases.map { CustomerRFM($0, workspaceID: workspaceID, thresholds: thresholds, now: now) }
            let state = RFMState(workspaceID: workspaceID, thresholds: thresholds, currency: currency, changesThrough: changed, computedAt: now)
            try await insights.saveRFM(rows, state: state, replacing: nil)
            try await SegmentUpkeep.rebuildReading(.insights, workspaceID: workspaceID, reason: .insightsRefreshed, transaction: transaction)
            return rows.count
        }
    }

    /// Rescores the customers changed, or whose orders changed, since the last round; a full
    /// recompute when there has been none today. Returns how many customers were scored.
    func catchUp(workspaceID: String) async throws -> Int {
        let now = clock.now()
        guard let state = try await store.read({ session in try await session.insights.rfmState(workspaceID: workspaceID) }),
            now.timeIntervalSince(state.computedAt) < Self.fullRecompute
        else { return try await recompute(workspaceID: workspaceID) }
        return try await context.write { transaction in
            let insights = transaction.session.insights
            guard let changed = try await insights.lastChange(workspaceID: workspaceID), changed > state.changesThrough else { return 0 }
            let customers = try await insights.changedCustomers(workspaceID: workspaceID, after: state.changesThrough)
            let purchases = try await insights.purchases(workspaceID: workspaceID, currency: state.currency, customers: customers)
            var moved = state
            moved.changesThrough = changed
            try await insights.saveRFM(
                purchases.map { CustomerRFM($0, workspaceID: workspaceID, thresholds: state.thresholds, now: now) }, state: moved,
                replacing: customers)
            transaction.touchSegments(of: customers, workspaceID: workspaceID, facets: [.insights], reason: .insightsRefreshed)
            return purchases.count
        }
    }

    /// The schedule's round over every workspace.
    public func catchUpAll() async throws -> Int {
        try await store.total { workspaceID in try await catchUp(workspaceID: workspaceID) }
    }

    public func grid(as actor: Actor) async throws -> [RFMCell] {
        try actor.require(.viewInsights)
        return try await store.read { session in try await session.insights.rfmGrid(workspaceID: actor.workspaceID) }
    }

    /// A customer's scores (anyone who may see the customer may see them).
    public func customer(id: String, as actor: Actor) async throws -> CustomerRFM? {
        try await store.read { session in try await session.insights.customerRFM(customerID: id, workspaceID: actor.workspaceID) }
    }

    /// Recomputes every score now, for someone who may refresh insights.
    @discardableResult
    public func recompute(as actor: Actor) async throws -> Int {
        try actor.require(.refreshInsights)
        return try await recompute(workspaceID: actor.workspaceID)
    }

    /// Rescores what changed since the last round, for someone who may refresh insights.
    public func catchUp(as actor: Actor) async throws -> Int {
        try actor.require(.refreshInsights)
        return try await catchUp(workspaceID: actor.workspaceID)
    }
}
