import Foundation
import RapportLearning

/// Customer lifetime value from the workspace's own orders: fits BG/NBD and Gamma-Gamma (and
/// Pareto/NBD on request) to every live customer's purchase days, and stores each customer's
/// expected purchases, probability of being alive, expected order value and discounted
/// value over the horizon. Refreshed daily by the server and on demand.
public struct LifetimeValueService: Sendable {
    let context: CoreContext
    public var store: any DataStore { context.store }
    public var clock: any WallClock { context.clock }
    /// Weeks, as in the papers; days give the same forecasts with more distinct histories.
    public static let periodLength = 7.0
    public static let horizonMonths = 12
    public static let annualDiscountRate = 0.1

    public init(context: CoreContext) {
        self.context = context
    }

    /// Fits the models to the orders placed up to the end of `calibrationEnd`'s day (UTC)
    /// without storing anything. Fails with a clear reason when there is too little data.
    public func fit(
        calibrationEnd: Date, periodLength: Double, includingPareto: Bool, as actor: Actor
    ) async throws -> (fit: LifetimeFit, currency: String) {
        try actor.require(.viewInsights)
        let (dataset, currency, _) = try await dataset(workspaceID: actor.workspaceID, calibrationEnd: calibrationEnd, periodLength: periodLength)
        guard let fit = LifetimeFit.fit(dataset, includingPareto: includingPareto) else { throw Self.tooLittleData }
        return (fit, currency)
    }

    /// Fits on every order up to now and replaces the stored values. Nil when the workspace
    /// has too little data yet.
    @discardableResult
    func refresh(workspaceID: String) async throws -> LifetimeModel? {
        let now = clock.now()
        let (dataset, currency, mark) = try await dataset(workspaceID: workspaceID, calibrationEnd: now, periodLength: Self.periodLength)
        guard let fit = LifetimeFit.fit(dataset, includingPareto: false) else { return nil }
        let model = LifetimeModel(
            workspaceID: workspaceID, fit: fit, calibrationEnd: now, periodLength: Self.periodLength, currency: currency,
            horizonMonths: Self.horizonMonths, annualDiscountRate: Self.annualDiscountRate, fittedAt: now, changesThrough: mark ?? now)
        let values = Self.values(dataset, model: model, at: now)
        try await context.write { transaction in
            try await transaction.session.insights.saveLifetimeValues(values, model: model, replacing: nil)
            try await SegmentUpkeep.rebuildReading(.insights, workspaceID: workspaceID, reason: .insightsRefreshed, transaction: transaction)
        }
        return model
    }

    /// Rescores, with the stored parameters, the customers changed or whose orders changed
    /// since the last round or fit, so a customer who just ordered is alive again at once; the
    /// daily refit moves the parameters and everyone else's clock. Returns how many customers
    /// were scored.
    @discardableResult
    func catchUp(workspaceID: String) async throws -> Int {
        let now = clock.now()
        return try await context.write { transaction in
            let insights = transaction.session.insights
            guard var model = try await insights.lifetimeModel(workspaceID: workspaceID) else { return 0 }
            let mark = model.changesThrough ?? model.fittedAt
            guard let changed = try await insights.lastChange(workspaceID: workspaceID), changed > mark else { return 0 }
            let customers = try await insights.changedCustomers(workspaceID: workspaceID, after: mark)
            let days = try await insights.purchaseDays(
                workspaceID: workspaceID, currency: model.currency, before: Self.dayAfter(now), customers: customers)
            let dataset = Self.dataset(days, currency: model.currency, calibrationEnd: now, periodLength: model.periodLength)
            let values = Self.values(dataset, model: model, at: now)
            model.changesThrough = changed
            try await insights.saveLifetimeValues(values, model: model, replacing: customers)
            transaction.touchSegments(of: customers, workspaceID: workspaceID, facets: [.insights], reason: .insightsRefreshed)
            return values.count
        }
    }

    /// The schedule's round of `catchUp` over every workspace.
    public func catchUpAll() async throws -> Int {
        try await store.total { workspaceID in try await catchUp(workspaceID: workspaceID) }
    }

    /// Each customer's forecast from the model. A forecast the series could not settle (NaN)
    /// is left out rather than stored as a number.
    private static func values(_ dataset: LifetimeDataset, model: LifetimeModel, at now: Date) -> [CustomerLifetimeValue] {
        let forecaster = LifetimeForecaster(
            purchases: model.fit.purchases, spend: model.fit.spend, periodLength: model.periodLength, horizonMonths: model.horizonMonths,
            annualDiscountRate: model.annualDiscountRate)
        return dataset.customers.indices.compactMap { index -> CustomerLifetimeValue? in
            let forecast = forecaster.forecast(dataset.purchases[index], spending: dataset.spend[index])
            guard forecast.lifetimeValue.isFinite, forecast.expectedPurchases.isFinite else { return nil }
            return CustomerLifetimeValue(
                customerID: dataset.customers[index], workspaceID: model.workspaceID, forecast: forecast, currency: model.currency,
                computedAt: now)
        }
    }

    /// The schedule's round: refreshes every workspace whose model is older than `maximumAge`
    /// (or missing); returns how many were refreshed.
    public func refreshStale(maximumAge: TimeInterval) async throws -> Int {
        let now = clock.now()
        return try await store.total { workspaceID in
            let model = try await store.read { session in try await session.insights.lifetimeModel(workspaceID: workspaceID) }
            if let model, now.timeIntervalSince(model.fittedAt) < maximumAge { return 0 }
            return try await refresh(workspaceID: workspaceID) == nil ? 0 : 1
        }
    }

    /// Values the customers changed since the last round, for someone who may refresh insights.
    public func catchUp(as actor: Actor) async throws -> Int {
        try actor.require(.refreshInsights)
        return try await catchUp(workspaceID: actor.workspaceID)
    }

    /// Refits now, for someone who may refresh insights.
    @discardableResult
    public func refresh(as actor: Actor) async throws -> LifetimeModel? {
        try actor.require(.refreshInsights)
        return try await refresh(workspaceID: actor.workspaceID)
    }

    public func model(as actor: Actor) async throws -> LifetimeModel? {
        try actor.require(.viewInsights)
        return try await store.read { session in try await session.insights.lifetimeModel(workspaceID: actor.workspaceID) }
    }

    /// A customer's stored value (anyone who may see the customer may see it).
    public func value(customerID: String, as actor: Actor) async throws -> CustomerLifetimeValue? {
        try await store.read { session in try await session.insights.lifetimeValue(customerID: customerID, workspaceID: actor.workspaceID) }
    }

    public func topValues(limit: Int, as actor: Actor) async throws -> [CustomerLifetimeValue] {
        try actor.require(.viewInsights)
        return try await store.read { session in try await session.insights.topLifetimeValues(workspaceID: actor.workspaceID, limit: limit) }
    }

    /// Purchase days in major units of the workspace's main currency, through the end of
    /// `calibrationEnd`'s day, and the latest change to orders and customers they take in.
    private func dataset(workspaceID: String, calibrationEnd: Date, periodLength: Double) async throws -> (LifetimeDataset, String, Date?) {
        let (days, currency, mark) = try await store.read { session -> ([PurchaseDay], String, Date?) in
            let insights = session.insights
            guard let currency = try await insights.mainCurrency(workspaceID: workspaceID) else { return ([], "USD", nil) }
            let mark = try await insights.lastChange(workspaceID: workspaceID)
            let days = try await insights.purchaseDays(
                workspaceID: workspaceID, currency: currency, before: Self.dayAfter(calibrationEnd), customers: nil)
            return (days, currency, mark)
        }
        return (Self.dataset(days, currency: currency, calibrationEnd: calibrationEnd, periodLength: periodLength), currency, mark)
    }

    /// The start of the UTC day after `date`'s.
    private static func dayAfter(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (Double(calibrationDay(date)) + 1) * 86_400)
    }

    private static func calibrationDay(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// The days in major units, each customer's history measured to the end of `calibrationEnd`'s day.
    private static func dataset(_ days: [PurchaseDay], currency: String, calibrationEnd: Date, periodLength: Double) -> LifetimeDataset {
        let scale = pow(10, Double(Currency.minorDigits(currency)))
        let major = days.map { PurchaseDay(customer: $0.customer, day: $0.day, value: $0.value / scale) }
        return LifetimeDataset(days: major, calibrationEnd: calibrationDay(calibrationEnd), periodLength: periodLength)
    }

    static let tooLittleData = RapportError.invalid([FieldError(
        field: "orders", message: "Too few orders to fit the lifetime models: they need customers who bought again and customers who did not.")])
}
