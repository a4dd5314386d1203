import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportServer

/// `rapport bench recs`: the demo store's recommender — how long training takes, and how long
/// one customer's or one product's recommendations take to serve (their latest signals read
/// from the database, scored against the model in memory).
struct RecsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recs", abstract: "Time training and serving recommendations on the demo store.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Customers and products to ask for")
    var requests: Int = 1_000

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "recs.sqlite", logger: logger)
        let services = bench.services
        let workspaceID = bench.admin.key.workspaceID
        print("filling the demo store …")
        _ = try await DemoStore().fill(services: services, workspaceID: workspaceID) { _ in }
        let started = ContinuousClock.now
        try await services.recommendations.train(as: .system("bench", workspaceID: workspaceID))
        print(String(format: "TRAIN   %.3f s (a year of orders and product events)", (ContinuousClock.now - started).inSeconds))
        let actor = Actor.operator(workspaceID: workspaceID)
        let orders = try await services.commerce.orders(filter: OrderFilter(), page: try PageRequest(limit: 100), as: .operator(workspaceID: workspaceID))
        let customers = Array(Set(orders.items.map(\.customerID))).sorted()
        let products = try await services.commerce.products(query: nil, page: try PageRequest(limit: 100), as: .operator(workspaceID: workspaceID)).items.map(\.id)
        var forCustomer = LatencySamples(), forProduct = LatencySamples()
        for index in 0..<requests {
            var start = ContinuousClock.now
            _ = try await services.recommendations.forCustomer(id: customers[index % customers.count], limit: 10, as: actor)
            forCustomer.record(ContinuousClock.now - start)
            start = ContinuousClock.now
            _ = try await services.recommendations.forProduct(id: products[index % products.count], limit: 10, as: actor)
            forProduct.record(ContinuousClock.now - start)
        }
        print("CUSTOMER for you, 10 products (\(services.store.engineName)): \(forCustomer.summary)")
        print("PRODUCT  bought together and similar, 10 each: \(forProduct.summary)")
        await services.store.shutdown()
    }
}
