import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportLearning
import RapportServer

/// `rapport bench insights`: the insights on a store far larger than the demo — simulated
/// customers buying as BG/NBD says (the CDNOW fit, per day) over the last two years, each order
/// one to three products of a catalog with a popular head — loaded through the importer, then
/// every insights computation timed on it: the figures the `/insights` page reads, the daily
/// RFM recompute and lifetime refit, recommendation training, and the ten-second catch-up
/// after new orders.
struct InsightsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights", abstract: "Time metrics, cohorts, RFM, lifetime values and recommendations on a large simulated store.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Simulated customers")
    var customers: Int = 100_000

    @Option(help: "Products in the catalog")
    var products: Int = 2_000

    @Option(help: "Runs of each page read (the median is reported)")
    var repeats: Int = 5

    func validate() throws {
        guard customers >= 100 else { throw ValidationError("--customers must be at least 100") }
        guard products >= 10 else { throw ValidationError("--products must be at least 10") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "insights.sqlite", logger: logger)
        let services = bench.services
        let workspaceID = bench.admin.key.workspaceID
        let actor = Actor.operator(workspaceID: workspaceID)
        let now = Date()
        let catalog = SimulatedCatalog(products: products)
        for start in stride(from: 0, to: products, by: 500) {
            _ = try await services.commerce.upsertProducts(catalog.inputs(start..<min(products, start + 500)), as: .operator(workspaceID: workspaceID))
        }
        var generator = SeededGenerator(seed: 20_261_124)
        let rows = catalog.orders(customers: customers, endingAt: now, generator: &generator)
        print("\(services.store.engineName): \(customers) customers, \(rows.count) orders, \(products) products")
        var started = ContinuousClock.now
        let summary = try await ImportService(commerce: services.commerce).importOrders(rows, as: .system("bench", workspaceID: workspaceID))
        let loaded = (ContinuousClock.now - started).inSeconds
        guard summary.rejected.isEmpty else { throw ValidationError("The importer rejected \(summary.rejected.count) simulated orders.") }
        BenchLine.print("import", seconds: loaded, note: String(format: "%.0f orders/s", Double(rows.count) / loaded))
        // As `rapport import` does: the planner learns the new data before anything reads it.
        started = ContinuousClock.now
        try await services.store.refreshStatistics()
        BenchLine.print("statistics after the load", seconds: (ContinuousClock.now - started).inSeconds, note: "as rapport import does")

        started = ContinuousClock.now
        let scored = try await services.rfm.recompute(as: .system("bench", workspaceID: workspaceID))
        BenchLine.print("RFM recompute (daily)", seconds: (ContinuousClock.now - started).inSeconds, note: "\(scored) customers")
        started = ContinuousClock.now
        let model = try await services.lifetime.refresh(as: .system("bench", workspaceID: workspaceID))
        BenchLine.print("lifetime refit (daily)", seconds: (ContinuousClock.now - started).inSeconds,
               note: model.map {
                   String(format: "fit %.2f s; BG/NBD r %.3f alpha %.2f a %.3f b %.3f (weeks)", $0.fit.seconds, $0.fit.purchases.r, $0.fit.purchases.alpha,
                          $0.fit.purchases.a, $0.fit.purchases.b)
               } ?? "too little data")
        started = ContinuousClock.now
        let recommender = try await services.recommendations.train(as: .system("bench", workspaceID: workspaceID))
        BenchLine.print("recommendations training", seconds: (ContinuousClock.now - started).inSeconds, note: "\(recommender.orderCount) orders learnt from")

        let today = Calendar.utc.startOfDay(for: now)
        try await time("metrics, last 30 days") {
            _ = try await services.metrics.metrics(from: today.addingTimeInterval(-29 * 86_400), to: today.addingTimeInterval(86_400), filter: CustomerFilter(), as: actor)
        }
        try await time("metrics, last 365 days") {
            _ = try await services.metrics.metrics(from: today.addingTimeInterval(-364 * 86_400), to: today.addingTimeInterval(86_400), filter: CustomerFilter(), as: actor)
        }
        try await time("metrics, 30 days, Champions") {
            _ = try await services.metrics.metrics(
                from: today.addingTimeInterval(-29 * 86_400), to: today.addingTimeInterval(86_400), filter: CustomerFilter(rfmSegment: .champions), as: actor)
        }
        try await time("cohort matrix, 12 months") {
            _ = try await services.metrics.cohorts(months: 12, end: today.addingTimeInterval(86_400), filter: CustomerFilter(), as: actor)
        }
        try await time("RFM grid") { _ = try await services.rfm.grid(as: actor) }
        try await time("ten most valuable customers") { _ = try await services.lifetime.topValues(limit: 10, as: actor) }

        // A hundred returning customers order again: the ten-second rounds rescore just them.
        let again = (0..<100).map { index in catalog.order(customer: index * (customers / 100), number: "again-\(index)", at: now, generator: &generator) }
        _ = try await services.commerce.upsertOrders(again, as: .system("bench", workspaceID: workspaceID))
        started = ContinuousClock.now
        let rescored = try await services.rfm.catchUp(as: .system("bench", workspaceID: workspaceID))
        BenchLine.print("RFM catch-up after 100 new orders", seconds: (ContinuousClock.now - started).inSeconds, note: "\(rescored) customers")
        started = ContinuousClock.now
        let revalued = try await services.lifetime.catchUp(as: .system("bench", workspaceID: workspaceID))
        BenchLine.print("lifetime catch-up after 100 new orders", seconds: (ContinuousClock.now - started).inSeconds, note: "\(revalued) customers")
        await services.store.shutdown()
    }

    private func time(_ name: String, _ read: () async throws -> Void) async throws {
        var samples = LatencySamples()
        for _ in 0..<repeats {
            let started = ContinuousClock.now
            try await read()
            samples.record(ContinuousClock.now - started)
        }
        BenchLine.print(name, seconds: samples.percentile(0.5) / 1000, note: "median of \(repeats)")
    }
}
