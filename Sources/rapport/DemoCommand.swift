import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty database with a realistic store, the same for the same seed.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Random seed: the same seed gives the same store")
    var seed: UInt64 = 2026

    @Option(help: "Customers to create")
    var customers = 5_000

    @Option(help: "Orders over the last two years")
    var orders = 25_000

    @Option(help: "Catalog products")
    var products = 300

    func run() async throws {
        let (services, workspaceID) = try await database.openServices()
        let counts = try await services.commerce.counts(as: .operator(workspaceID: workspaceID))
        guard counts.customers == 0, counts.orders == 0 else {
            await services.store.shutdown()
            throw ValidationError("The database already holds \(counts.customers) customers and \(counts.orders) orders; the demo fills only an empty one.")
        }
        var store = DemoStore()
        store.seed = seed
        store.customers = customers
        store.orders = orders
        store.products = products
        let started = Date()
        let summary = try await store.fill(services: services, workspaceID: workspaceID) { step in print(step) }
        print("Demo store ready in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: \(summary.customers) customers (\(summary.merged) duplicates merged), \(summary.products) products, \(summary.orders) orders, \(summary.returns) returns, \(summary.trackedEvents) tracked events.")
        await services.store.shutdown()
    }
}
