import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportLearning
import RapportServer

/// `rapport bench loyalty`: points for a large order history. Loads `--orders` orders of
/// `--customers` customers through the importer (no programme yet: the load is not timed as
/// earning), starts a programme, and times the replay that credits every order — the figure
/// issue 24 names, ≥ 20,000 orders/s for 1,000,000 — then a second replay (every entry already
/// there, nothing written), the rebuild of every balance from the ledger (checked against the
/// kept rows), and reading the account of a customer with `--entries` ledger entries.
struct LoyaltyBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loyalty", abstract: "Time the points replay over a large order history and balance reads.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Orders to load and replay")
    var orders: Int = 1_000_000

    @Option(help: "Customers the orders belong to")
    var customers: Int = 100_000

    @Option(help: "Ledger entries of the customer whose balance is read")
    var entries: Int = 10_000

    @Option(help: "Balance reads to time")
    var reads: Int = 2_000

    func validate() throws {
        guard orders >= 1_000, customers >= 10, customers <= orders else { throw ValidationError("--orders ≥ 1000 and --customers from 10 to --orders") }
        guard entries >= 1, reads >= 100 else { throw ValidationError("--entries ≥ 1 and --reads ≥ 100") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        // Time stands still for the run (but for the replays' ticks, see there): a second replay
        // finds nothing to do, not an order whose returns window happened to close between the two.
        let clock = BenchClock(Date())
        let bench = try await BenchDatabase.open(database, file: "loyalty.sqlite", logger: logger, clock: clock)
        let services = bench.services
        let workspaceID = bench.admin.key.workspaceID
        let actor = Actor.system("bench", workspaceID: workspaceID)
        try await bench.measure {
            var generator = SeededGenerator(seed: 20_261_206)
            let now = clock.now()
            let rows = (0..<orders).map { index in ImportRow(line: index + 1, input: order(index, now: now, generator: &generator)) }
            print("\(services.store.engineName): \(orders) orders of \(customers) customers")
            var started = ContinuousClock.now
            let summary = try await ImportService(commerce: services.commerce).importOrders(rows, as: actor)
            guard summary.rejected.isEmpty else { throw ValidationError("The importer rejected \(summary.rejected.count) orders.") }
            let loaded = (ContinuousClock.now - started).inSeconds
            BenchLine.print("load (importer, no programme yet)", seconds: loaded, note: String(format: "%.0f orders/s", Double(orders) / loaded))
            try await services.store.refreshStatistics()
            try await services.store.settleWrites()

            var settings = LoyaltyProgramSettings()
            settings.pendingDays = 14
            _ = try await services.loyalty.setProgram(settings, as: actor)
            // Entry ids begin with the millisecond they are made in, as in production, where a
            // replay's pages are written milliseconds apart and each lands at the end of the
            // ledger's key order. A clock standing still would give a million ids one
            // millisecond and scatter their inserts across the whole index. The orders' moments
            // lie whole seconds from the start, so less than a second of ticks (a replay reads the
            // clock once a page: about 400 readings for two replays of a million orders, 0.08 s)
            // closes no returns window between the two replays.
            clock.tick(by: 0.000_2)
            started = ContinuousClock.now
            let first = try await services.loyalty.replay(as: actor)
            let replayed = (ContinuousClock.now - started).inSeconds
            BenchLine.print(
                "replay: points for every order", seconds: replayed,
                note: String(format: "%.0f orders/s (target ≥ 20,000), %d entries", Double(first.orders) / replayed, first.entries))
            started = ContinuousClock.now
            let second = try await services.loyalty.replay(as: actor)
            let again = (ContinuousClock.now - started).inSeconds
            clock.tick(by: 0)
            guard second.entries == 0 else { throw ValidationError("The second replay wrote \(second.entries) entries; it must write none.") }
            BenchLine.print("replay again (all there)", seconds: again, note: String(format: "%.0f orders/s, 0 entries", Double(second.orders) / again))

            // The kept rows of a sample of customers, against the rows rebuilt from the ledger.
            let sample = try await sampleCustomers(services, actor: actor)
            let kept = try await balances(of: sample, services, actor: actor)
            started = ContinuousClock.now
            let rebuilt = try await services.loyalty.rebuildBalances(workspaceID: workspaceID)
            BenchLine.print("rebuild every balance from the ledger", seconds: (ContinuousClock.now - started).inSeconds, note: "\(rebuilt) customers")
            guard try await balances(of: sample, services, actor: actor) == kept else {
                throw ValidationError("A rebuilt balance differs from the one kept with the entries.")
            }

            guard let heavy = sample.first else { throw ValidationError("No customer to read.") }
            let written = clock.now()
            var entryGenerator = SystemRandomNumberGenerator()
            let many = (0..<entries).map { index in
                LoyaltyEntry(
                    id: ResourceID.make(.loyaltyEntry, at: written, using: &entryGenerator), workspaceID: workspaceID, customerID: heavy,
                    kind: .adjust, points: index % 2 == 0 ? 5 : -3, reason: "bench", origin: "bench:\(index)", actor: "system:bench", createdAt: written)
            }
            _ = try await services.store.write { session in try await session.loyalty.append(many, movingBalances: true) }
            let page = try PageRequest(limit: 20)
            var samples = LatencySamples()
            for _ in 0..<reads {
                let started = ContinuousClock.now
                _ = try await services.loyalty.account(customerID: heavy, page: page, as: actor)
                samples.record(ContinuousClock.now - started)
            }
            BenchLine.print(
                "account of a customer with \(entries) entries", seconds: samples.percentile(0.99) / 1000,
                note: "balance, tier and 20 newest entries: \(samples.summary) (target p99 < 2 ms)")
        }
    }

    private func order(_ index: Int, now: Date, generator: inout some RandomNumberGenerator) -> OrderInput {
        let customer = index % customers
        let draw = Double(generator.next() % 1_000) / 1_000
        let status: OrderStatus = draw < 0.80 ? .delivered : draw < 0.88 ? .paid : draw < 0.92 ? .fulfilled : draw < 0.96 ? .cancelled : .refunded
        let price = Int64(500 + generator.next() % 20_000)
        var input = OrderInput(
            customer: CustomerInput(identities: [IdentityInput(.email, value: SyntheticCustomers.email(customer))]),
            number: "L\(index)", source: "bench", externalID: "L\(index)", status: status, channel: .web, currency: "EUR",
            lines: [OrderLineInput(sku: "SKU-\(index % 500)", title: "Product \(index % 500)", quantity: 1 + Int(generator.next() % 2), unitPrice: price)])
        input.placedAt = now.addingTimeInterval(-Double(generator.next() % (730 * 86_400)))
        return input
    }

    private func sampleCustomers(_ services: AppServices, actor: Actor) async throws -> [String] {
        let found = try await services.commerce.orders(filter: OrderFilter(), page: try PageRequest(limit: 100), as: actor)
        return Array(Set(found.items.map(\.customerID))).sorted()
    }

    private func balances(of customers: [String], _ services: AppServices, actor: Actor) async throws -> [LoyaltyBalance] {
        var balances: [LoyaltyBalance] = []
        for customer in customers {
            balances.append(try await services.loyalty.account(customerID: customer, page: try PageRequest(limit: 1), as: actor).balance)
        }
        return balances
    }
}
