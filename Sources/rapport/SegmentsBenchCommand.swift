import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportLearning
import RapportServer

/// `rapport bench segments`: live segments on a large store — a million customers, five
/// million orders, ten million tracked events by default, loaded in bulk — with fifty segments
/// defined. Times a new five-condition segment counted from scratch, the tracking ingest with
/// and without the segments (each event re-evaluating its customer), a million time-based
/// flips falling due at once, and member listing.
struct SegmentsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments", abstract: "Time live segments on a large simulated store: counting, upkeep per event, time-based flips, member pages.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Simulated customers")
    var customers: Int = 1_000_000

    @Option(help: "Orders per customer, on average")
    var orders: Int = 5

    @Option(help: "Tracked events per customer, on average (one of them the session that lapses at the cliff)")
    var events: Int = 10

    @Option(help: "Segments defined")
    var segments: Int = 50

    @Option(help: "Single-event ingests timed, with and without the segments")
    var samples: Int = 1_000

    @Option(help: "Customers written per transaction while loading")
    var batch: Int = 10_000

    func validate() throws {
        guard customers >= 1_000 else { throw ValidationError("--customers must be at least 1000") }
        guard orders >= 0, events >= 1 else { throw ValidationError("--orders must not be negative and --events must be positive") }
        guard (2...100).contains(segments) else { throw ValidationError("--segments must be between 2 and 100") }
        guard samples >= 10, batch >= 100 else { throw ValidationError("--samples must be at least 10 and --batch at least 100") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let clock = BenchClock(Date())
        let bench = try await BenchDatabase.open(database, file: "segments.sqlite", logger: logger, clock: clock)
        do {
            try await measure(services: bench.services, workspaceID: bench.admin.key.workspaceID, clock: clock)
            print("database: \(bench.url)")
        } catch {
            await bench.services.store.shutdown()
            throw error
        }
        await bench.services.store.shutdown()
    }

    private func measure(services: AppServices, workspaceID: String, clock: BenchClock) async throws {
        let actor = Actor.operator(workspaceID: workspaceID)
        let system = Actor.system("bench", workspaceID: workspaceID)
        let inbox = try await services.inboxes.createInbox(
            channel: .whatsapp, name: "Bench",
            settings: ["phone_number_id": "100200300", "access_token": "bench", "app_secret": "bench-secret", "verify_token": "bench"], as: actor)
        let store = SegmentsBenchStore(customers: customers, ordersPerCustomer: orders, eventsPerCustomer: events, now: clock.now())
        print("\(services.store.engineName): loading \(customers) customers …")
        var started = ContinuousClock.now
        let loaded = try await store.load(services: services, workspaceID: workspaceID, inboxID: inbox.id, batch: batch) { print("  " + $0) }
        try await checkpoint(services)
        report("bulk load", seconds: (ContinuousClock.now - started).inSeconds,
               note: "\(loaded.customers) customers, \(loaded.orders) orders, \(loaded.events) tracked events, \(loaded.conversations) open conversations")
        started = ContinuousClock.now
        try await services.store.refreshStatistics()
        _ = try await services.rfm.recompute(as: system)
        _ = try await services.lifetime.refresh(as: system)
        try await checkpoint(services)
        report("statistics, RFM and lifetime values", seconds: (ContinuousClock.now - started).inSeconds, note: "before any segment")

        let without = try await ingest(services: services, workspaceID: workspaceID, phase: "without")
        report("ingest, no segments: one event", seconds: without.single.percentile(0.99) / 1000, note: without.single.summary)
        report("ingest, no segments: batches of 100", seconds: 100 / without.rate, note: String(format: "%.0f events/s", without.rate))

        started = ContinuousClock.now
        var creations = LatencySamples()
        var first: Segment?
        for (name, json) in [SegmentsBenchDefinitions.active] + SegmentsBenchDefinitions.others(segments - 1) {
            let text = json.replacingOccurrences(of: "{first}", with: first?.id ?? "")
            let began = ContinuousClock.now
            let segment = try await services.segments.create(SegmentDraft(name: name, definition: try Self.json(text)), as: actor)
            creations.record(ContinuousClock.now - began)
            if first == nil { first = segment }
            try await checkpoint(services)
        }
        guard let active = first else { throw ValidationError("No segment was made.") }
        report("\(segments) segments created and built", seconds: (ContinuousClock.now - started).inSeconds, note: "each: " + creations.summary)
        try await services.store.refreshStatistics()

        let five = try Self.json(SegmentsBenchDefinitions.fiveConditions)
        var previews = LatencySamples()
        var counted = 0
        for _ in 0..<5 {
            let began = ContinuousClock.now
            counted = try await services.segments.preview(five, as: actor).count
            previews.record(ContinuousClock.now - began)
        }
        report("new five-condition segment counted", seconds: previews.percentile(0.5) / 1000, note: "median of 5; \(counted) customers")

        let with = try await ingest(services: services, workspaceID: workspaceID, phase: "with")
        report("ingest, \(segments) segments: one event", seconds: with.single.percentile(0.99) / 1000, note: with.single.summary)
        report("ingest, \(segments) segments: batches of 100", seconds: 100 / with.rate,
               note: String(format: "%.0f events/s, %.1f%% below no segments", with.rate, 100 * (1 - with.rate / without.rate)))

        var pages = LatencySamples()
        var cursor: String?
        for _ in 0..<samples / 5 {
            let began = ContinuousClock.now
            let page = try await services.segments.members(id: active.id, page: try PageRequest(limit: 50, startingAfter: cursor), as: actor)
            pages.record(ContinuousClock.now - began)
            cursor = page.hasMore ? page.items.last?.id : nil
        }
        let held = try await services.segments.find(id: active.id, as: actor).memberCount
        report("member pages of 50", seconds: pages.percentile(0.99) / 1000, note: pages.summary + ", of \(held) members")

        clock.advance(by: SegmentsBenchStore.cliffLead + 1)
        started = ContinuousClock.now
        let flipped = try await services.segments.settleDueFlips(limit: .max)
        let remaining = try await services.segments.find(id: active.id, as: actor).memberCount
        report("time-based flips due at once", seconds: (ContinuousClock.now - started).inSeconds,
               note: "\(flipped) flips settled; \(held - remaining) customers left \"\(active.name)\", \(remaining) stay (they had events since)")
    }

    /// Tracked events for random known customers: one per call (latency), then in batches of a
    /// hundred as the batch endpoint takes them (rate).
    private func ingest(services: AppServices, workspaceID: String, phase: String) async throws -> (single: LatencySamples, rate: Double) {
        var generator = SystemRandomNumberGenerator()
        func message(_ number: Int) -> TrackingMessage {
            let n = Int.random(in: 0..<customers, using: &generator)
            let category = SegmentsBenchStore.categories.randomElement(using: &generator) ?? "socks"
            return TrackingMessage(type: .track, messageID: "live-\(phase)-\(number)", userID: SegmentsBenchStore.userID(n), event: "Product Viewed",
                                   properties: ["category": .string(category)])
        }
        var single = LatencySamples()
        for number in 0..<samples {
            let sent = message(number)
            let began = ContinuousClock.now
            _ = try await services.tracking.ingest([sent], workspaceID: workspaceID, provenance: .proven)
            single.record(ContinuousClock.now - began)
        }
        let batches = max(10, samples / 50)
        let prepared = (0..<batches).map { batch in (0..<100).map { message(samples + batch * 100 + $0) } }
        let began = ContinuousClock.now
        for messages in prepared {
            _ = try await services.tracking.ingest(messages, workspaceID: workspaceID, provenance: .proven)
        }
        return (single, Double(batches * 100) / (ContinuousClock.now - began).inSeconds)
    }

    /// Empties SQLite's write-ahead log between steps. The server's checkpointer starts over
    /// after every 64 commits; a benchmark's few huge transactions (a segment of a million
    /// members built at once) would otherwise let it grow by gigabytes.
    private func checkpoint(_ services: AppServices) async throws {
        guard services.store.engineName == "sqlite" else { return }
        _ = try await services.store.integers("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    private static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func report(_ name: String, seconds: Double, note: String) {
        let shown = seconds < 1 ? String(format: "%8.1f ms", seconds * 1000) : String(format: "%8.2f s ", seconds)
        print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(shown)  \(note)")
    }
}
