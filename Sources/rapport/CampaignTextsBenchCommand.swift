import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportLearning
import RapportServer

/// `rapport bench campaign-texts`: an SMS or WhatsApp campaign to simulated customers, through
/// a local stand-in for Twilio or the WhatsApp Cloud API that takes at most `--rate` messages a
/// second (answering 429 beyond, as the providers do). Times the audience resolution, then the
/// delivery with the campaign throttled to the provider's rate: the figure to read is how close
/// the delivered rate comes to the provider's, and that nothing was refused for going faster.
struct CampaignTextsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign-texts",
        abstract: "Time an SMS or WhatsApp campaign against a local provider stand-in limited to --rate messages a second.")

    @Option(help: "Database URL (default: a new SQLite file under /tmp/rapport-bench)")
    var database: String?

    @Option(help: "sms or whatsapp")
    var channel: String = "sms"

    @Option(help: "Simulated customers, all on the campaign's list")
    var customers: Int = 30_000

    @Option(help: "Messages delivered in the delivery step (at most the queued ones)")
    var messages: Int = 20_000

    @Option(help: "The provider's limit, messages a second; the campaign is throttled to it")
    var rate: Int = 1_000

    @Option(help: "Sends a sender claims and hands over at a time")
    var batchSize: Int = 100

    @Option(help: "Customers written per transaction while loading")
    var batch: Int = 10_000

    func validate() throws {
        guard ["sms", "whatsapp"].contains(channel) else { throw ValidationError("--channel must be sms or whatsapp") }
        guard customers >= 100, messages >= 10, (1...100_000).contains(rate), (1...1_000).contains(batchSize), batch >= 100 else {
            throw ValidationError("--customers at least 100, --messages at least 10, --rate 1 to 100000, --batch-size 1 to 1000, --batch at least 100")
        }
    }

    func run() async throws {
        var logger = Logger(label: "rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "campaign-texts.sqlite", logger: logger, publicURL: "https://rapport.bench")
        let provider = try await BenchTextProvider.start(rate: rate)
        defer { provider.stop() }
        try await bench.measure { try await measure(services: bench.services, workspaceID: bench.admin.key.workspaceID, provider: provider) }
    }

    private func measure(services: AppServices, workspaceID: String, provider: BenchTextProvider) async throws {
        let actor = Actor.operator(workspaceID: workspaceID)
        let campaignChannel: CampaignChannel = channel == "sms" ? .sms : .whatsapp
        let inbox = try await services.inboxes.createInbox(
            channel: campaignChannel.inboxChannel, name: "Bench \(campaignChannel.label)",
            settings: campaignChannel == .sms
                ? ["account_sid": "ACbench", "auth_token": "bench-token", "phone_number": "+14155550000", "api_base_url": provider.baseURL]
                : ["phone_number_id": "1098", "access_token": "bench-token", "app_secret": "bench-secret", "verify_token": "bench", "api_base_url": provider.baseURL],
            as: actor)
        let list = try await services.segments.create(SegmentDraft(name: "Texts", kind: .list), as: actor)

        print("\(services.store.engineName): loading \(customers) customers with their phone numbers and consent …")
        var started = ContinuousClock.now
        let now = services.clock.now()
        let loaded = try await load(services: services, workspaceID: workspaceID, list: list, channel: campaignChannel, now: now)
        BenchLine.print("load", seconds: (ContinuousClock.now - started).inSeconds, note: loaded)
        try await services.store.refreshStatistics()

        let content = campaignChannel == .sms
            ? #"{"en":{"text":"Hi {{customer.first_name | default: \"there\"}}, ten new styles are in: https://shop.bench/new"}}"#
            : #"{"en":{"template":{"name":"new_arrivals","language":"en_US","parameters":["{{customer.first_name | default: \"there\"}}","ten"]}}}"#
        let campaign = try await services.campaigns.create(
            CampaignDraft(
                name: "Bench texts", channel: campaignChannel, inboxID: inbox.id,
                definition: try JSONParser.parse(Array("""
                    {"audience":{"segment_ids":["\(list.id)"]},"holdout_share":0,"quiet_hours":false,
                     "throttle":{"messages_per_second":\(rate)},"content":\(content)}
                    """.utf8))),
            as: actor)
        let sending = try await services.campaigns.send(id: campaign.id, as: actor)
        let sender = services.campaignSender(batchSize: batchSize)

        started = ContinuousClock.now
        try await sender.resolveAudience(of: sending)
        let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
        BenchLine.print(
            "audience resolved", seconds: (ContinuousClock.now - started).inSeconds,
            note: "\(stats.audience) members: \(stats.statuses[.queued] ?? 0) queued, \(stats.skipped[.noConsent] ?? 0) without consent")

        // One sender, as one worker: the throttle holds per sender.
        let target = min(messages, stats.statuses[.queued] ?? 0)
        let resolved = try await services.campaigns.find(id: campaign.id, as: actor)
        started = ContinuousClock.now
        while provider.accepted < target {
            if try await sender.sendBatch(of: resolved) == 0 { break }
        }
        let seconds = (ContinuousClock.now - started).inSeconds
        BenchLine.print(
            "delivered to the provider", seconds: seconds,
            note: String(
                format: "%d messages, %.0f messages/s against a limit of %d/s (%.0f%%); %d answered 429; batches of %d", provider.accepted,
                Double(provider.accepted) / seconds, rate, Double(provider.accepted) / seconds / Double(rate) * 100, provider.refused, batchSize))
    }

    /// The customers with a phone number (and, for WhatsApp, consent there): 90% agreed to
    /// marketing on the channel, the rest never answered; all on the list.
    private func load(services: AppServices, workspaceID: String, list: Segment, channel: CampaignChannel, now: Date) async throws -> String {
        let people = SegmentsBenchStore(customers: customers, ordersPerCustomer: 0, eventsPerCustomer: 0, now: now)
        var generator = SeededGenerator(seed: 20_261_205)
        let origin = now.addingTimeInterval(-3 * 365 * 86_400)
        var granted = 0
        for start in stride(from: 0, to: customers, by: batch) {
            let numbers = Array(start..<min(customers, start + batch))
            var batchCustomers: [Customer] = []
            var entries: [ConsentEntry] = []
            for n in numbers {
                var customer = people.makeCustomer(n, workspaceID: workspaceID, origin: origin, generator: &generator)
                customer.identities.append(Identity(
                    id: ResourceID.make(.identity, at: origin.addingTimeInterval(Double(n) / 1_000), using: &generator), kind: .phone,
                    value: SyntheticCustomers.phone(n), source: nil, createdAt: customer.createdAt, provenance: .proven))
                batchCustomers.append(customer)
                guard n % 10 != 0, let consentChannel = channel.inboxChannel.consentChannel else { continue }
                granted += 1
                entries.append(ConsentEntry(
                    id: ResourceID.make(.consentEntry, at: origin.addingTimeInterval(Double(n) / 1_000), using: &generator), workspaceID: workspaceID,
                    customerID: customer.id, purpose: .marketing, channel: consentChannel, status: .granted, expiresAt: nil,
                    evidence: ConsentEvidence(source: .form, actor: "customer", occurredAt: customer.createdAt), recordedAt: customer.createdAt))
            }
            try await services.store.write { [batchCustomers, entries] session in
                try await session.customers.insert(batchCustomers)
                for entry in entries { try await session.consents.append(entry) }
                _ = try await session.segments.add(batchCustomers.map(\.id), to: list, at: now)
            }
        }
        return "\(customers) customers on the list, \(granted) agreed to marketing by \(channel.label)"
    }
}
