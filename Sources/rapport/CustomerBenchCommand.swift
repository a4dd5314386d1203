import ArgumentParser
import Foundation
import RapportLearning
import Hummingbird
import Logging
import RapportCore
import RapportServer
import RapportStore

/// Loads customers through the same service code the API uses, then measures identity
/// lookups, `GET /api/v1/customers/{id}` over HTTP on loopback (with wrk) and search.
struct CustomerBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Upsert N customers with two identities each, then measure lookups, the 360° view over HTTP and search.")

    @Option(help: "Database to fill; it must have no customers yet. Default: a new SQLite file under /tmp")
    var database: String?

    @Option(help: "How many customers to upsert")
    var count = 1_000_000

    @Option(help: "Customers per upsert transaction")
    var batch = 2_000

    @Option(help: "Concurrent loaders, like parallel import workers; transactions still commit one at a time")
    var writers = 2

    @Option(help: "Identity lookups to time")
    var lookups = 20_000

    @Option(help: "Searches to time")
    var searches = 2_000

    @Option(help: "Seconds of HTTP load")
    var httpSeconds = 20

    @Option(help: "Concurrent HTTP connections")
    var connections = 8

    @Flag(help: "Skip the HTTP phase (it needs wrk: apt-get install wrk)")
    var skipHTTP = false

    func run() async throws {
        var logger = CommandLogging.makeLogger("rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "customers.sqlite", logger: logger)
        let (services, key, store) = (bench.services, bench.admin, bench.services.store)
        let workspaceID = key.key.workspaceID
        print("Rapport customer benchmark on \(store.engineName): \(bench.url)")

        let sampleIDs = try await upsertAll(services, workspaceID: workspaceID)
        let clock = ContinuousClock()
        let settle = clock.now
        try await store.refreshStatistics()
        print("SETTLE  statistics refreshed after the load (ANALYZE; VACUUM ANALYZE on PostgreSQL) in \(String(format: "%.1f", (clock.now - settle).inSeconds)) s")
        try await measureLookups(services, workspaceID: workspaceID)
        if !skipHTTP {
            try await measureHTTP(services, key: key.secret, sampleIDs: sampleIDs, logger: logger)
        }
        try await measureSearch(services, workspaceID: workspaceID)
        await store.shutdown()
    }

    /// Returns every 97th customer id, to request over HTTP. Loader `w` takes batches w, w+writers, …
    private func upsertAll(_ services: AppServices, workspaceID: String) async throws -> [String] {
        let clock = ContinuousClock()
        let start = clock.now
        let batchCount = (count + batch - 1) / batch
        let (count, batch, writers) = (self.count, self.batch, max(1, self.writers))
        let sampleIDs = try await withThrowingTaskGroup(of: [String].self) { tasks in
            for writer in 0..<writers {
                tasks.addTask {
                    var sampled: [String] = []
                    for batchIndex in stride(from: writer, to: batchCount, by: writers) {
                        let first = batchIndex * batch
                        let inputs = (first..<min(count, first + batch)).map(SyntheticCustomers.input)
                        let outcomes = try await services.customers.upsertMany(inputs, as: .system("bench", workspaceID: workspaceID))
                        for (offset, outcome) in outcomes.enumerated() where (first + offset) % 97 == 0 {
                            sampled.append(outcome.customer.id)
                        }
                        let done = (batchIndex + 1) * batch
                        if writer == 0, done % 100_000 < batch * writers {
                            let seconds = (clock.now - start).inSeconds
                            print("  about \(done) customers after \(String(format: "%.1f", seconds)) s")
                        }
                    }
                    return sampled
                }
            }
            return try await tasks.reduce(into: []) { $0 += $1 }
        }
        let seconds = (clock.now - start).inSeconds
        print("UPSERT  \(count) customers, 2 identities each, batches of \(batch), \(writers) writer(s): \(Int(Double(count) / seconds)) customers/s (\(String(format: "%.1f", seconds)) s)")
        return sampleIDs
    }

    private func measureLookups(_ services: AppServices, workspaceID: String) async throws {
        var samples = LatencySamples()
        var generator = SystemRandomNumberGenerator()
        let clock = ContinuousClock()
        var misses = 0
        for index in 0..<lookups {
            let n = Int.random(in: 0..<count, using: &generator)
            let identity = index % 2 == 0
                ? IdentityInput(.email, value: SyntheticCustomers.email(n))
                : IdentityInput(.phone, value: SyntheticCustomers.phone(n))
            let start = clock.now
            let found = try await services.customers.customerID(for: identity, as: .system("bench", workspaceID: workspaceID))
            samples.record(clock.now - start)
            if found == nil { misses += 1 }
        }
        print("LOOKUP  identity -> customer: \(samples.summary)\(misses > 0 ? ", \(misses) MISSES" : "")")
    }

    private func measureHTTP(_ services: AppServices, key: String, sampleIDs: [String], logger: Logger) async throws {
        guard WrkRunner.executable != nil else {
            print("HTTP    skipped: wrk is not installed (apt-get install wrk)")
            return
        }
        let result = try await WrkRunner(services: services, logger: logger).run([
            (Self.wrkScript(key: key, ids: sampleIDs), ["-t2", "-c\(connections)", "-d\(httpSeconds)s"])
        ])[0]
        let non2xx = result.non2xx > 0 ? ", Non-2xx responses: \(result.non2xx)" : ""
        print("HTTP    GET /api/v1/customers/{id}, \(connections) connections, \(httpSeconds) s: Requests/sec: \(result.requestsPerSecond), latency 99% \(result.p99)\(non2xx)")
    }

    private func measureSearch(_ services: AppServices, workspaceID: String) async throws {
        var samples = LatencySamples()
        var generator = SystemRandomNumberGenerator()
        let clock = ContinuousClock()
        var empty = 0
        for index in 0..<searches {
            let n = Int.random(in: 0..<count, using: &generator)
            let query = switch index % 4 {
            case 0: String(SyntheticCustomers.lastName(n).prefix(4))
            case 1: SyntheticCustomers.email(n)
            case 2: "\(SyntheticCustomers.firstName(n)) \(SyntheticCustomers.lastName(n).prefix(3))"
            default: String(SyntheticCustomers.phone(n).prefix(9))
            }
            let start = clock.now
            let page = try await services.customers.list(query: query, page: try PageRequest(limit: 20), as: .system("bench", workspaceID: workspaceID))
            samples.record(clock.now - start)
            if page.items.isEmpty { empty += 1 }
        }
        print("SEARCH  prefix and full-text, 20 per page: \(samples.summary)\(empty > 0 ? ", \(empty) EMPTY" : "")")
    }

    private static func wrkScript(key: String, ids: [String]) -> String {
        """
        local ids = {\(ids.map { "\"\($0)\"" }.joined(separator: ","))}
        math.randomseed(42)
        request = function()
          local id = ids[math.random(#ids)]
          return wrk.format("GET", "/api/v1/customers/" .. id, {["Authorization"] = "Bearer \(key)"})
        end
        """
    }
}
