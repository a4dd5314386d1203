import ArgumentParser
import Foundation
import Logging
import RapportChannels
import RapportCore
import RapportLearning
import RapportServer

/// `rapport bench journeys`: customers in a journey, walked by the runner (ADR 0013).
///
/// 1. **Wake-up**: `--customers` let in by hand, all waiting a day; the clock jumps a day and
///    the runner drains them all at once (each runs the wait and a random split and stops at
///    the next wait): the time to drain, and the process's peak memory before and after.
/// 2. **Steps with messages**: two hours later each runs its second wait, a profile change
///    (a tag: a customer write with its `customer.updated` event) and a message step (a
///    service e-mail, queued in its step campaign's send log), and stops at a third wait;
///    meanwhile two campaign senders deliver the messages (rendered, DKIM-signed, over SMTP to
///    a sink on 127.0.0.1). Timed until the last message is delivered.
/// 3. **Trigger latency**: `--triggers` tracked events, one every 20 ms, each letting a
///    customer into a second journey whose first step tags them, while the runner runs as the
///    server runs it (every 200 ms): from the moment the event is handed to tracking to the end
///    of the runner round that ran the first step (both ends counted against the figure).
///
/// The last line is one JSON object with `steps_per_second` (all steps of 1 and 2 over their
/// time) and `trigger_to_first_step_p99_ms`.
struct JourneysBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeys", abstract: "Time the journey runner: a wake-up of many waiting customers, steps a second, trigger to first step.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Customers in the journey, all waiting at once")
    var customers: Int = 100_000

    @Option(help: "Tracked events that let customers into the triggered journey (latency samples)")
    var triggers: Int = 300

    @Flag(help: "Print only the JSON line")
    var json = false

    @Flag(help: "Skip the profile changes (step 2): for the wake-up of a million, whose profile writes take minutes more")
    var wakeOnly = false

    func validate() throws {
        guard customers >= 1_000, (10...100_000).contains(triggers) else { throw ValidationError("--customers at least 1000, --triggers 10 to 100000") }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let clock = BenchOffsetClock()
        // Links in the messages point at a public address, as the sender asks of a real server.
        let bench = try await BenchDatabase.open(database, file: "journeys.sqlite", logger: logger, clock: clock, publicURL: "https://rapport.bench")
        let sink = try await BenchSMTPSink.start()
        // The JSON line comes last (the acceptance checks read it there): the database is named before it.
        try await bench.measure(namingDatabase: false) {
            do {
                try await measure(services: bench.services, workspaceID: bench.admin.key.workspaceID, clock: clock, databaseURL: bench.url, sink: sink)
            } catch {
                await sink.stop()
                throw error
            }
            await sink.stop()
        }
    }

    private func line(_ name: String, seconds: Double, note: String) {
        if !json { BenchLine.print(name, seconds: seconds, note: note) }
    }

    private func measure(services: AppServices, workspaceID: String, clock: BenchOffsetClock, databaseURL: String, sink: BenchSMTPSink) async throws {
        let actor = Actor.operator(workspaceID: workspaceID)
        let inbox = try await services.inboxes.createInbox(
            channel: .email, name: "Bench shop",
            settings: [
                "address": "hello@shop.bench", "display_name": "Bench Shop", "smtp_host": "127.0.0.1", "smtp_port": String(sink.port),
                "smtp_security": "none", "dkim_domain": "shop.bench", "dkim_selector": "bench",
                "dkim_private_key": try DKIMKey.generate(.rsaSHA256).pemRepresentation,
            ], as: actor)
        if !json { print("\(services.store.engineName): loading \(customers) customers …") }
        var started = ContinuousClock.now
        let list = try await load(services: services, workspaceID: workspaceID, now: clock.now())
        line("load", seconds: (ContinuousClock.now - started).inSeconds, note: "\(customers) customers on a list")
        try await services.store.refreshStatistics()

        let walked = try await publish(services, actor: actor, """
            {"trigger": {"manual": true},
             "steps": [
               {"key": "day", "type": "wait", "duration": {"days": 1}, "next": "ab"},
               {"key": "ab", "type": "split", "paths": [{"share": 0.5, "next": "a"}, {"share": 0.5, "next": "b"}]},
               {"key": "a", "type": "wait", "duration": {"hours": 1}, "next": "tag"},
               {"key": "b", "type": "wait", "duration": {"hours": 2}, "next": "tag"},
               {"key": "tag", "type": "update_profile", "add_tags": ["journeyed"], "next": "note"},
               {"key": "note", "type": "send", "channel": "email", "inbox_id": "\(inbox.id)", "default_locale": "en", "marketing": false,
                "content": {"en": {"subject": "Your order, {{customer.first_name | default: \\"there\\"}}", "body": "Thank you for shopping with us. [Your account](https://shop.bench/account)"}},
                "next": "later"},
               {"key": "later", "type": "wait", "duration": {"days": 30}}
             ]}
            """)
        started = ContinuousClock.now
        let enrolled = try await services.journeys.enrol(id: walked.id, customerIDs: [], segmentID: list, as: actor)
        line("enrol", seconds: (ContinuousClock.now - started).inSeconds, note: "\(enrolled.count) customers let in, all due at once")
        _ = try await services.journeyRunner.runDue()
        let memoryBefore = Self.peakMemoryMB()

        clock.advance(by: 86_400)
        started = ContinuousClock.now
        let wakeSteps = try await services.journeyRunner.runDue()
        let wakeSeconds = (ContinuousClock.now - started).inSeconds
        let memoryAfter = Self.peakMemoryMB()
        line(
            "wake-up of all, drained", seconds: wakeSeconds,
            note: String(format: "%d steps, %.0f steps/s; peak memory %d MB before, %d MB after", wakeSteps, Double(wakeSteps) / wakeSeconds, memoryBefore, memoryAfter))

        var (tagSteps, tagSeconds, delivered) = (0, 0.0, 0)
        if !wakeOnly {
            clock.advance(by: 2 * 3_600)
            started = ContinuousClock.now
            let sender = services.campaignSender(batchSize: 100)
            let campaigns = try await services.store.read { session in try await session.campaigns.journeyCampaigns(journeyIDs: [walked.id]) }
            let walkedAll = BenchFlag()
            let runner = Task {
                defer { walkedAll.raise() }
                return try await services.journeyRunner.runDue(maximumBatches: Int.max)
            }
            do {
                try await deliver(services: services, sender: sender, campaigns: campaigns, until: walkedAll)
            } catch {
                // A sender failed (the step campaign paused, say): the runner is given up too.
                runner.cancel()
                throw error
            }
            tagSteps = try await runner.value
            tagSeconds = (ContinuousClock.now - started).inSeconds
            delivered = sink.messages
            line(
                "waits, profile changes and messages", seconds: tagSeconds,
                note: String(format: "%d steps, %.0f steps/s; %d e-mails delivered to the SMTP sink, %.0f a second", tagSteps, Double(tagSteps) / tagSeconds, delivered, Double(delivered) / tagSeconds))
        }
        let stepsPerSecond = Double(wakeSteps + tagSteps) / (wakeSeconds + tagSeconds)

        let latency = try await triggerLatency(services: services, actor: actor)
        line("trigger to first step", seconds: latency.percentile(0.99) / 1000, note: latency.summary)

        let figures: [String: Any] = [
            "engine": services.store.engineName, "customers": customers, "steps": wakeSteps + tagSteps,
            "steps_per_second": (stepsPerSecond * 10).rounded() / 10, "wake_up_seconds": (wakeSeconds * 100).rounded() / 100,
            "trigger_to_first_step_p50_ms": (latency.percentile(0.5) * 10).rounded() / 10,
            "trigger_to_first_step_p99_ms": (latency.percentile(0.99) * 10).rounded() / 10,
            "peak_memory_mb_before_wake": memoryBefore, "peak_memory_mb_after_wake": memoryAfter, "messages_delivered": delivered,
        ]
        if !json { print("database: \(databaseURL)") }
        let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// A second journey, triggered by a tracked event; the runner runs as the server runs it.
    private func triggerLatency(services: AppServices, actor: Actor) async throws -> LatencySamples {
        let journey = try await publish(services, actor: actor, """
            {"trigger": {"tracked_event": "Bench Trigger"},
             "steps": [{"key": "first", "type": "update_profile", "add_tags": ["triggered"], "next": "rest"},
                       {"key": "rest", "type": "wait", "duration": {"days": 1}}]}
            """)
        let sentAt = SentTimes()
        let runner = Task {
            var seen = Set<String>()
            var samples = LatencySamples()
            while seen.count < triggers {
                let ran = try await services.journeyRunner.runDue()
                let now = ContinuousClock.now
                if ran > 0 {
                    let customers = try await services.store.read { session in try await session.journeys.customers(ranStep: "first", journeyID: journey.id) }
                    for customer in customers where seen.insert(customer).inserted {
                        if let sent = sentAt.take(customer) { samples.record(now - sent) }
                    }
                }
                if ran == 0 { try await Task.sleep(for: .milliseconds(200)) }
            }
            return samples
        }
        for n in 0..<triggers {
            let user = SegmentsBenchStore.userID(n)
            let customerID = try await services.customers.customerID(for: IdentityInput(kind: "email", value: SyntheticCustomers.email(n)), as: actor)
            if let customerID { sentAt.note(customerID, at: ContinuousClock.now) }
            _ = try await services.tracking.ingest(
                [TrackingMessage(type: .track, messageID: "bench-trigger-\(n)", userID: user, event: "Bench Trigger")],
                workspaceID: actor.workspaceID, provenance: .proven)
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await runner.value
    }

    /// Two campaign senders deliver the step campaigns' messages until the runner has walked
    /// everyone (`walked`) and none is left to send; a step campaign that stops sending (the
    /// sender paused it, saying why) ends the bench with its reason.
    private func deliver(services: AppServices, sender: CampaignDispatcher, campaigns: [Campaign], until walked: BenchFlag) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    while true {
                        guard try await sender.runDue() == 0 else { continue }
                        if walked.isRaised, try await Self.unsentMessages(services, campaigns: campaigns) == 0 { return }
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Messages queued in the step campaigns and not yet handed over (or held by a sender).
    private static func unsentMessages(_ services: AppServices, campaigns: [Campaign]) async throws -> Int {
        try await services.store.read { session in
            var unsent = 0
            for campaign in campaigns {
                let current = try await session.campaigns.find(id: campaign.id, workspaceID: campaign.workspaceID)
                guard current?.status == .sending else {
                    throw ValidationError("The journey's messages stopped: \(current?.statusReason ?? "their campaign is \(current?.status.rawValue ?? "gone")").")
                }
                let statuses = try await session.campaigns.stats(campaignID: campaign.id).statuses
                unsent += [CampaignSendStatus.queued, .sending, .waiting].reduce(0) { $0 + (statuses[$1] ?? 0) }
            }
            return unsent
        }
    }

    private func publish(_ services: AppServices, actor: Actor, _ definition: String) async throws -> Journey {
        let draft = try await services.journeys.create(
            JourneyDraft(name: "Bench \(UUID().uuidString.prefix(6))", definition: try JSONParser.parse(Array(definition.utf8))), as: actor)
        return try await services.journeys.publish(id: draft.id, as: actor)
    }

    /// The customers, all on one list: the list's id.
    private func load(services: AppServices, workspaceID: String, now: Date) async throws -> String {
        let list = try await services.segments.create(SegmentDraft(name: "Journey bench", kind: .list), as: .operator(workspaceID: workspaceID))
        let people = SegmentsBenchStore(customers: customers, ordersPerCustomer: 0, eventsPerCustomer: 0, now: now)
        var generator = SeededGenerator(seed: 20_261_205)
        let origin = now.addingTimeInterval(-3 * 365 * 86_400)
        for start in stride(from: 0, to: customers, by: 10_000) {
            let batch = (start..<min(customers, start + 10_000)).map { people.makeCustomer($0, workspaceID: workspaceID, origin: origin, generator: &generator) }
            try await services.store.write { session in
                try await session.customers.insert(batch)
                _ = try await session.segments.add(batch.map(\.id), to: list, at: now)
            }
        }
        return list.id
    }

    /// The process's peak resident memory (VmHWM), in megabytes; 0 where /proc does not say.
    static func peakMemoryMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1_024
    }
}
