import ArgumentParser
import Foundation
import Logging
import RapportChannels
import RapportCore
import RapportLearning
import RapportServer

/// `rapport bench campaigns`: an e-mail campaign to a list of simulated customers — most of
/// them agreed to marketing e-mail, some withdrew or never answered, a few addresses bounced.
/// Times the audience resolution (the list through the consent gate, the caps and the
/// holdout into the send log), then rendering, DKIM signing and delivery to a local SMTP sink
/// that takes every message at once, with the process's memory before and after.
struct CampaignsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "Time an e-mail campaign: the audience resolved through the consent gate, then rendered, DKIM-signed and delivered to a local SMTP sink.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "Simulated customers, all on the campaign's list")
    var customers: Int = 100_000

    @Option(help: "Messages delivered in the delivery step (at most the queued ones)")
    var messages: Int = 20_000

    @Option(help: "Sends a sender claims, renders and delivers at a time")
    var batchSize: Int = CampaignDispatcher.defaultBatchSize

    @Option(help: "Click redirects followed afterwards (the first link of that many delivered messages)")
    var clicks: Int = 2_000

    @Option(help: "Senders working at once (as several workers would)")
    var senders: Int = 2

    @Option(help: "Customers written per transaction while loading")
    var batch: Int = 10_000

    func validate() throws {
        guard customers >= 100, messages >= 10 else { throw ValidationError("--customers must be at least 100 and --messages at least 10") }
        guard (1...1_000).contains(batchSize), (1...64).contains(senders), batch >= 100 else {
            throw ValidationError("--batch-size must be 1 to 1000, --senders 1 to 64, --batch at least 100")
        }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "campaigns.sqlite", logger: logger, publicURL: "https://rapport.bench")
        let sink = try await BenchSMTPSink.start(keep: clicks)
        try await bench.measure {
            do {
                try await measure(services: bench.services, workspaceID: bench.admin.key.workspaceID, sink: sink)
            } catch {
                await sink.stop()
                throw error
            }
            await sink.stop()
        }
    }

    private func measure(services: AppServices, workspaceID: String, sink: BenchSMTPSink) async throws {
        let actor = Actor.operator(workspaceID: workspaceID)
        let key = try DKIMKey.generate(.rsaSHA256)
        let inbox = try await services.inboxes.createInbox(
            channel: .email, name: "Bench shop",
            settings: [
                "address": "news@shop.bench", "display_name": "Bench Shop", "smtp_host": "127.0.0.1", "smtp_port": String(sink.port),
                "smtp_security": "none", "dkim_domain": "shop.bench", "dkim_selector": "bench", "dkim_private_key": key.pemRepresentation,
            ], as: actor)
        let list = try await services.segments.create(SegmentDraft(name: "Newsletter", kind: .list), as: actor)

        print("\(services.store.engineName): loading \(customers) customers with their consent …")
        var started = ContinuousClock.now
        let now = services.clock.now()
        let loaded = try await load(services: services, workspaceID: workspaceID, list: list, now: now)
        BenchLine.print("load", seconds: (ContinuousClock.now - started).inSeconds, note: loaded)
        try await services.store.refreshStatistics()

        let campaign = try await services.campaigns.create(
            CampaignDraft(
                name: "Bench", channel: .email, inboxID: inbox.id,
                definition: try JSONParser.parse(Array("""
                    {"audience":{"segment_ids":["\(list.id)"]},"default_locale":"en","holdout_share":0.05,
                     "content":{"en":{"subject":"New arrivals for {{customer.first_name | default: \\"you\\"}}","preheader":"Ten new styles",
                                      "body":"# New this week\\n\\nHello {{customer.first_name | default: \\"there\\"}}, ten **new** styles are in.\\n\\n- Shoes\\n- Bags\\n\\n[Shop now](https://shop.bench/new)"},
                                "id":{"subject":"Koleksi baru untuk {{customer.first_name}}","body":"Halo {{customer.first_name}}, ada **koleksi baru**."}}}
                    """.utf8))),
            as: actor)
        let sending = try await services.campaigns.send(id: campaign.id, as: actor)
        let sender = services.campaignSender(batchSize: batchSize)

        started = ContinuousClock.now
        try await sender.resolveAudience(of: sending)
        let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
        let skipped = CampaignSkipReason.allCases.compactMap { reason in stats.skipped[reason].map { "\(reason.rawValue) \($0)" } }.joined(separator: ", ")
        BenchLine.print(
            "audience resolved", seconds: (ContinuousClock.now - started).inSeconds,
            note: "\(stats.audience) members: \(stats.statuses[.queued] ?? 0) queued, \(stats.statuses[.heldOut] ?? 0) held out, skipped \(skipped)")

        // Rendering and signing alone, without the network: the CPU each message costs.
        let resolved = try await services.campaigns.find(id: campaign.id, as: actor)
        let sample = (0..<2_000).map { n in
            CampaignSendClaim(
                sendID: ResourceID.make(.campaignSend, at: now), customerID: "cus_bench\(n)", address: SyntheticCustomers.email(n), variant: nil,
                firstName: SyntheticCustomers.firstName(n), lastName: SyntheticCustomers.lastName(n), locale: n % 5 == 1 ? "id-ID" : "en-US")
        }
        guard let signer = try SMTPCampaignTransport.signer(of: try await services.inboxes.inbox(id: inbox.id, channel: .email)) else {
            throw ValidationError("The bench inbox has no DKIM key.")
        }
        // In the sender's batches: a batch prepares each locale's template once.
        let batches = stride(from: 0, to: sample.count, by: batchSize).map { Array(sample[$0..<min($0 + batchSize, sample.count)]) }
        started = ContinuousClock.now
        let emails = batches.flatMap { sender.emails(for: $0, of: resolved, inbox: inbox, at: now) }
        let rendering = (ContinuousClock.now - started).inSeconds
        started = ContinuousClock.now
        let composed = emails.map { CampaignMessageComposer.compose($0, from: "news@shop.bench", displayName: "Bench Shop", at: now).message }
        let composing = (ContinuousClock.now - started).inSeconds
        started = ContinuousClock.now
        var bytes = 0
        for message in composed { bytes += try signer.sign(message, at: now).utf8.count }
        let signing = (ContinuousClock.now - started).inSeconds
        let total = rendering + composing + signing
        BenchLine.print(
            "render, compose and sign (one core)", seconds: total,
            note: String(
                format: "%.0f messages/s, %d bytes a message: render %.0f µs, MIME %.0f µs, rsa-sha256 signature %.0f µs a message",
                Double(sample.count) / total, bytes / sample.count, rendering / Double(sample.count) * 1e6, composing / Double(sample.count) * 1e6,
                signing / Double(sample.count) * 1e6))

        // Delivery: senders claim, check again, render, sign and deliver over SMTP, and record.
        let target = min(messages, stats.statuses[.queued] ?? 0)
        let memoryBefore = Self.residentMegabytes()
        started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<senders {
                group.addTask {
                    while sink.messages < target {
                        if try await sender.sendBatch(of: resolved) == 0 { break }
                    }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - started).inSeconds
        let delivered = sink.messages
        BenchLine.print(
            "delivered to the SMTP sink", seconds: seconds,
            note: String(
                format: "%d messages, %.0f messages/s (%d senders, batches of %d); memory %d MB before, %d MB after", delivered,
                Double(delivered) / seconds, senders, batchSize, memoryBefore, Self.residentMegabytes()))

        // The click redirect, through the whole server: signature, the click written, the 302.
        let paths = ClickRedirectBench.clickPaths(in: sink.kept, publicBase: "https://rapport.bench")
        guard !paths.isEmpty else { return }
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let server = try await BenchServer.start(services: services, workers: 0, logger: logger)
        let bench = ClickRedirectBench(base: server.base)
        for concurrency in [1, 4, 16] {
            let samples = try await bench.run(paths, concurrency: concurrency)
            print("click redirect, \(concurrency) at a time: \(samples.summary)")
        }
        await server.stop()

        // The report, read as its page and API read it: counts, attribution, the holdout.
        started = ContinuousClock.now
        let read = try await services.campaigns.report(id: campaign.id, as: actor)
        BenchLine.print(
            "report (counts, attribution, lift)", seconds: (ContinuousClock.now - started).inSeconds,
            note: "\(read.stats.sent) sent, \(read.stats.clicked) clicked, \(read.lift.recipients.members) recipients against \(read.lift.holdout.members) held out")
    }

    /// The customers, their consent to marketing e-mail (88% granted, 4% withdrawn, the rest
    /// never asked), 1% of the addresses suppressed after a hard bounce, and all on the list.
    private func load(services: AppServices, workspaceID: String, list: Segment, now: Date) async throws -> String {
        let people = SegmentsBenchStore(customers: customers, ordersPerCustomer: 0, eventsPerCustomer: 0, now: now)
        var generator = SeededGenerator(seed: 20_261_204)
        let origin = now.addingTimeInterval(-3 * 365 * 86_400)
        var granted = 0
        var suppressed = 0
        for start in stride(from: 0, to: customers, by: batch) {
            let numbers = Array(start..<min(customers, start + batch))
            let batchCustomers = numbers.map { people.makeCustomer($0, workspaceID: workspaceID, origin: origin, generator: &generator) }
            var entries: [ConsentEntry] = []
            var bounced: [Suppression] = []
            for (n, customer) in zip(numbers, batchCustomers) {
                let roll = n % 100
                if roll < 92 {
                    let status: ConsentStatus = roll < 88 ? .granted : .withdrawn
                    if status == .granted { granted += 1 }
                    entries.append(ConsentEntry(
                        id: ResourceID.make(.consentEntry, at: origin.addingTimeInterval(Double(n) / 1_000), using: &generator), workspaceID: workspaceID,
                        customerID: customer.id, purpose: .marketing, channel: .email, status: status, expiresAt: nil,
                        evidence: ConsentEvidence(source: .form, actor: "customer", occurredAt: customer.createdAt), recordedAt: customer.createdAt))
                }
                if n % 100 == 50 {
                    bounced.append(Suppression(
                        workspaceID: workspaceID, channel: .email, address: SyntheticCustomers.email(n), reason: .hardBounce, source: "bench",
                        createdAt: now))
                }
            }
            suppressed += bounced.count
            try await services.store.write { [batchCustomers, entries, bounced] session in
                try await session.customers.insert(batchCustomers)
                for entry in entries { try await session.consents.append(entry) }
                for suppression in bounced { try await session.suppressions.suppress(suppression) }
                _ = try await session.segments.add(batchCustomers.map(\.id), to: list, at: now)
            }
            if (start + batch) % 100_000 < batch { print("  \(min(customers, start + batch)) customers") }
        }
        return "\(customers) customers on the list, \(granted) agreed to marketing e-mail, \(suppressed) addresses suppressed"
    }

    private static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8), let pages = text.split(separator: " ").dropFirst().first,
            let count = Int(pages)
        else { return 0 }
        return count * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
