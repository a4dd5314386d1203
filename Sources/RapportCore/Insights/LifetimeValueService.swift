import Foundation
import RapportInsights

/// Customer lifetime value from the workspace's own orders: fits BG/NBD and Gamma-Gamma (and
/// Pareto/NBD on request) to every live customer's purchase days, and stores each customer's
/// expected purchases, probability of being alive, expected order value and discounted
/// value over the horizon. Refreshed daily by the server and on demand.
public struct LifetimeValueService: Sendable {
    public let store: any DataStore
    public let clock: any WallClock
    /// Weeks, as in the papers; days give the same forecasts with more distinct histories.
    public static let periodLength = 7.0
    public static let horizonMonths = 12
    public static let annualDiscountRate = 0.1

    public init(store: any DataStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    /// Fits the models to the orders placed up to the end of `calibrationEnd`'s day (UTC)
    /// without storing anything. Fails with a clear reason when there is too little data.
    public func fit(
        workspaceID: String, calibrationEnd: Date, periodLength: Double, includingPareto: Bool, as actor: Actor
    ) async throws -> (fit: LifetimeFit, currency: String) {
        try actor.require(.viewInsights)
        let (dataset, currency) = try await dataset(workspaceID: workspaceID, calibrationEnd: calibrationEnd, periodLength: periodLength)
        guard let fit = LifetimeFit.fit(dataset, includingPareto: includingPareto) else { throw Self.tooLittleData }
        return (fit, currency)
    }

    /// Fits on every order up to now and replaces the stored values. Nil when the workspace
    /// has too little data yet.
    @discardableResult
    public func refresh(workspaceID: String) async throws -> LifetimeModel? {
        let now = clock.now()
        let (dataset, currency) = try await dataset(workspaceID: workspaceID, calibrationEnd: now, periodLength: Self.periodLength)
        guard let fit = LifetimeFit.fit(dataset, includingPareto: false) else { return nil }
        let model = LifetimeModel(
            workspaceID: workspaceID, fit: fit, calibrationEnd: now, periodLength: Self.periodLength, currency: currency,
            horizonMonths: Self.horizonMonths, annualDiscountRate: Self.annualDiscountRate, fittedAt: now)
        let forecaster = LifetimeForecaster(
            purchases: fit.purchases, spend: fit.spend, periodLength: Self.periodLength, horizonMonths: Self.horizonMonths,
            annualDiscountRate: Self.annualDiscountRate)
        // A forecast the series could not settle (NaN) is left out rather than stored as a number.
        let values = dataset.customers.indices.compactMap { index -> CustomerLifetimeValue? in
            let forecast = forecaster.forecast(dataset.purchases[index], spending: dataset.spend[index])
            guard forecast.lifetimeValue.isFinite, forecast.expectedPurchases.isFinite else { return nil }
            return CustomerLifetimeValue(
                customerID: dataset.customers[index], workspaceID: workspaceID, forecast: forecast, currency: currency, computedAt: now)
        }
        try await store.write { session in try await session.insights.replaceLifetimeValues(values, model: model) }
        return model
    }

    /// The schedule's round: refreshes every workspace whose model is older than `maximumAge`
    /// (or missing); returns how many were refreshed.
    public func refreshStale(maximumAge: TimeInterval) async throws -> Int {
        let now = clock.now()
        var refreshed = 0
        for workspace in try await store.read({ session in try await session.workspaces.all() }) {
            let model = try await store.read { session in try await session.insights.lifetimeModel(workspaceID: workspace.id) }
            if let model, now.timeIntervalSince(model.fittedAt) < maximumAge { continue }
            if try await refresh(workspaceID: workspace.id) != nil { refreshed += 1 }
        }
        return refreshed
    }

    /// Refreshes now for someone allowed to see insights.
    public func refresh(workspaceID: String, as actor: Actor) async throws -> LifetimeModel? {
        try actor.require(.viewInsights)
        return try await refresh(workspaceID: workspaceID)
    }

    public func model(workspaceID: String, as actor: Actor) async throws -> LifetimeModel? {
        try actor.require(.viewInsights)
        return try await store.read { session in try await session.insights.lifetimeModel(workspaceID: workspaceID) }
    }

    /// A customer's stored value (anyone who may see the customer may see it).
    public func value(customerID: String, workspaceID: String) async throws -> CustomerLifetimeValue? {
        try await store.read { session in try await session.insights.lifetimeValue(customerID: customerID, workspaceID: workspaceID) }
    }

    public func topValues(workspaceID: String, limit: Int, as actor: Actor) async throws -> [CustomerLifetimeValue] {
        try actor.require(.viewInsights)
        return try await store.read { session in try await session.insights.topLifetimeValues(workspaceID: workspaceID, limit: limit) }
    }

    /// Purchase days in major units of the workspace's main currency, through the end of
    /// `calibrationEnd`'s day.
    private func dataset(workspaceID: String, calibrationEnd: Date, periodLength: Double) async throws -> (LifetimeDataset, String) {
        let endDay = Int((calibrationEnd.timeIntervalSince1970 / 86_400).rounded(.down))
        let (days, currency) = try await store.read { session -> ([PurchaseDay], String) in
            guard let currency = try await session.insights.mainCurrency(workspaceID: workspaceID) else { return ([], "USD") }
            let before = Date(timeIntervalSince1970: Double(endDay + 1) * 86_400)
            return (try await session.insights.purchaseDays(workspaceID: workspaceID, currency: currency, before: before), currency)
        }
        let scale = pow(10, Double(Currency.minorDigits(currency)))
        let major = days.map { PurchaseDay(customer: $0.customer, day: $0.day, value: $0.value / scale) }
        return (LifetimeDataset(days: major, calibrationEnd: endDay, periodLength: periodLength), currency)
    }

    static let tooLittleData = RapportError.invalid([FieldError(
        field: "orders", message: "Too few orders to fit the lifetime models: they need customers who bought again and customers who did not.")])
}
