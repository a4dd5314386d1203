import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportServer

/// `rapport bench privacy`: one customer with many tracked events (some from before they were
/// known), orders, a conversation and consent, among other customers; then the time and size
/// of their export (JSON and ZIP) and the time of their erasure.
struct PrivacyBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy", abstract: "Time a customer's export (JSON and ZIP) and erasure.")

    @Option(help: "Tracked events of the customer")
    var events: Int = 10_000

    @Option(help: "Other customers, each with a few tracked events, around them")
    var others: Int = 2_000

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    func validate() throws {
        guard events >= 1, others >= 0 else { throw ValidationError("--events must be positive and --others not negative") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "privacy.sqlite", logger: logger)
        let services = bench.services
        let workspaceID = bench.admin.key.workspaceID
        let actor = Actor.operator(workspaceID: workspaceID)
        do {
            try await measure(services: services, workspaceID: workspaceID, actor: actor)
            print("database: \(bench.url)")
        } catch {
            await services.store.shutdown()
            throw error
        }
        await services.store.shutdown()
    }

    private func measure(services: AppServices, workspaceID: String, actor: Actor) async throws {

        print("loading: the customer with \(events) tracked events, \(others) other customers …")
        let customer = try await services.customers.upsert(CustomerInput(
            identities: [IdentityInput(kind: "email", value: "bench.person@example.org"), IdentityInput(kind: "phone", value: "+14155550199"),
                         IdentityInput(kind: "external", value: "bench-user-1", source: TrackingService.source)],
            firstName: "Bench", lastName: "Person"), as: actor).customer
        let batch = 500
        var sent = 0
        while sent < events {
            let count = min(batch, events - sent)
            let messages = (0..<count).map { index in
                let number = sent + index
                // The first tenth browsed before they were known, under an anonymous id stitched later.
                return number < events / 10
                    ? TrackingMessage(type: .page, messageID: "bench-a-\(number)", anonymousID: "bench-anon-1", name: "Product page",
                                      properties: ["path": .string("/products/\(number % 300)")], context: ["ip": .string("203.0.113.9")])
                    : TrackingMessage(type: .track, messageID: "bench-t-\(number)", userID: "bench-user-1", event: "Product Viewed",
                                      properties: ["product_id": .string("p-\(number % 300)"), "price": .number(19.9)])
            }
            _ = try await services.tracking.ingest(messages, workspaceID: workspaceID, provenance: .proven)
            sent += count
        }
        _ = try await services.tracking.ingest(
            [TrackingMessage(type: .alias, messageID: "bench-alias", userID: "bench-user-1", previousID: "bench-anon-1")],
            workspaceID: workspaceID, provenance: .proven)
        for number in 0..<20 {
            _ = try await services.commerce.upsertOrders([OrderInput(
                customerID: customer.id, number: "B-\(number)", source: "shop", currency: "USD",
                lines: [OrderLineInput(title: "Item \(number)", quantity: 1, unitPrice: 2_500)], email: "bench.person@example.org")], as: actor)
        }
        _ = try await services.consents.record(
            ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form", text: "Send me offers"),
            customerID: customer.id, witness: .none, as: actor)
        var made = 0
        while made < others {
            let count = min(batch, others - made)
            let inputs = (0..<count).map { index in
                CustomerInput(identities: [IdentityInput(kind: "email", value: "other\(made + index)@example.org")], firstName: "Other")
            }
            _ = try await services.customers.upsertMany(inputs, as: actor)
            made += count
        }

        for format in CustomerExportFile.Format.allCases {
            let started = ContinuousClock.now
            let export = try await services.privacy.export(customerID: customer.id, as: actor)
            let file = CustomerExportFile(export, format: format)
            let elapsed = ContinuousClock.now - started
            let tracked = export.tables.first { $0.name == "tracked_events" }?.rows.count ?? 0
            print(String(format: "export %@: %.0f ms, %.1f MiB, %d rows (%d tracked events)", format.rawValue,
                         elapsed.milliseconds, Double(file.bytes.count) / 1_048_576, export.rowCount, tracked))
        }
        let started = ContinuousClock.now
        let receipt = try await services.privacy.erase(customerID: customer.id, as: actor)
        let elapsed = ContinuousClock.now - started
        print(String(format: "erasure: %.0f ms (%d tracked events, %d rows in all)", elapsed.milliseconds,
                     receipt.rows["tracked_events"] ?? 0, receipt.rows.values.reduce(0, +)))
    }
}

extension Duration {
    fileprivate var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}
