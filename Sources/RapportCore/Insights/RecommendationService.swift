import Foundation
import RapportLearning

/// Product recommendations: the item model trains in the background from a year of orders and
/// product events — on first use, hourly, and sooner once enough orders changed since — while
/// a customer's side is read fresh at every request (their latest purchases, views and carts),
/// so what they did a moment ago counts at once without retraining.
public struct RecommendationService: Sendable {
    public let customers: CustomerService
    var models: RecommendationModels { context.recommendationModels }
    /// The item model's age before the schedule retrains it.
    public static let maximumModelAge: TimeInterval = 3600
    /// The schedule retrains a younger model once this many orders changed since its training,
    /// or `retrainShare` of the orders it learnt from, whichever is more; never more often than
    /// `minimumModelAge`.
    public static let retrainOrders = 50
    public static let retrainShare = 0.05
    public static let minimumModelAge: TimeInterval = 300
    /// Orders and events this old and newer train the model.
    public static let trainingWindow: TimeInterval = 365 * 86_400
    /// A customer's latest signals that make their profile.
    public static let profileSignals = 50
    var context: CoreContext { customers.context }
    var store: any DataStore { customers.store }
    var clock: any WallClock { customers.clock }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    /// Trains the workspace's model now, for someone who may refresh insights.
    @discardableResult
    public func train(as actor: Actor) async throws -> StoreRecommender {
        try actor.require(.refreshInsights)
        return try await train(workspaceID: actor.workspaceID)
    }

    @discardableResult
    func train(workspaceID: String) async throws -> StoreRecommender {
        try await models.retrain(workspaceID) { [store, clock] in
            let now = clock.now()
            let since = now.addingTimeInterval(-Self.trainingWindow)
            let (lines, events, categories) = try await store.read { session in
                (
                    try await session.insights.purchasedLines(workspaceID: workspaceID, customerID: nil, since: since, limit: nil),
                    try await session.insights.productEvents(
                        workspaceID: workspaceID, customerID: nil, since: since, limit: nil, weights: StoreRecommender.eventWeights),
                    try await session.insights.productCategories(workspaceID: workspaceID)
                )
            }
            return StoreRecommender(lines: lines, events: events, categories: categories, now: now)
        }
    }

    /// The schedule's round: retrains every workspace whose model is missing, older than
    /// `maximumModelAge`, or behind by enough changed orders; returns how many were trained.
    public func trainStale() async throws -> Int {
        try await store.total { workspaceID in
            guard try await isStale(workspaceID: workspaceID) else { return 0 }
            try await train(workspaceID: workspaceID)
            return 1
        }
    }

    private func isStale(workspaceID: String) async throws -> Bool {
        guard let model = await models.current(workspaceID) else { return true }
        let age = clock.now().timeIntervalSince(model.trainedAt)
        if age >= Self.maximumModelAge { return true }
        guard age >= Self.minimumModelAge else { return false }
        let changed = try await store.read { session in try await session.insights.ordersChanged(workspaceID: workspaceID, since: model.trainedAt) }
        return changed >= max(Self.retrainOrders, Int(Double(model.orderCount) * Self.retrainShare))
    }

    /// Products for a customer ("for you", then category and popularity fallbacks).
    public func forCustomer(id: String, limit: Int, as actor: Actor) async throws -> [ProductRecommendation] {
        let workspaceID = actor.workspaceID
        let signals = try await store.read { session in
            _ = try await customers.liveCustomer(id: id, workspaceID: workspaceID, session: session)
            return try await Self.signals(of: [id], workspaceID: workspaceID, session: session)
        }
        return try await recommendations(from: signals, for: [id], workspaceID: workspaceID, limit: limit)[id] ?? []
    }

    /// Products for each of these customers of the workspace (a campaign's batch): their
    /// latest signals read in one query per kind, scored by the workspace's trained model.
    /// A customer Rapport knows nothing of gets the popular products.
    func forCustomers(_ ids: [String], workspaceID: String, limit: Int) async throws -> [String: [ProductRecommendation]] {
        guard !ids.isEmpty else { return [:] }
        let signals = try await store.read { session in try await Self.signals(of: ids, workspaceID: workspaceID, session: session) }
        return try await recommendations(from: signals, for: ids, workspaceID: workspaceID, limit: limit)
    }

    /// The customers' latest purchases and product events, `profileSignals` of each kind per customer.
    private static func signals(of ids: [String], workspaceID: String, session: any StoreSession) async throws
        -> (lines: [PurchasedLine], events: [ItemInteraction])
    {
        try await session.insights.recommendationSignals(
            workspaceID: workspaceID, customerIDs: ids, limit: profileSignals, weights: StoreRecommender.eventWeights)
    }

    private func recommendations(
        from signals: (lines: [PurchasedLine], events: [ItemInteraction]), for ids: [String], workspaceID: String, limit: Int
    ) async throws -> [String: [ProductRecommendation]] {
        let recommender = try await model(workspaceID)
        let now = clock.now()
        let lines = Dictionary(grouping: signals.lines, by: \.customerID)
        let events = Dictionary(grouping: signals.events, by: \.user)
        var recommended: [String: [ProductRecommendation]] = [:]
        for id in ids where recommended[id] == nil {
            recommended[id] = recommender.forCustomer(lines: lines[id] ?? [], events: events[id] ?? [], now: now, limit: limit)
        }
        return recommended
    }

    /// "Frequently bought together" and "similar products" for a product.
    public func forProduct(id: String, limit: Int, as actor: Actor) async throws -> (boughtTogether: [ProductRecommendation], similar: [ProductRecommendation]) {
        guard try await store.read({ session in try await session.catalog.find(id: id, workspaceID: actor.workspaceID) }) != nil else {
            throw RapportError.notFound("No product with id \(id).")
        }
        let model = try await model(actor.workspaceID)
        return (model.boughtTogether(with: id, limit: limit), model.similar(to: id, limit: limit))
    }

    private func model(_ workspaceID: String) async throws -> StoreRecommender {
        if let model = await models.current(workspaceID) { return model }
        return try await train(workspaceID: workspaceID)
    }
}
