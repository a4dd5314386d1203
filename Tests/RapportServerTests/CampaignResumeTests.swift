import Crypto
import Foundation
import RapportChannels
import RapportCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// A campaign sender killed mid-campaign (SIGKILL, no chance to tidy up) and started again:
/// every recipient gets the message, and only the batch the dead sender held can go out twice.
/// Runs the real `rapport worker` binary against a real SMTP server (aiosmtpd).
@Suite("Campaign sending resumes after a kill")
struct CampaignResumeTests {
    static let recipients = 400

    @Test("killed mid-campaign and started again, the worker reaches everyone, and no more than one batch twice", arguments: TestDatabase.available)
    func resumesAfterKill(database: TestDatabase) async throws {
        let sink = try SMTPSink.start(user: "rapport", password: "s3cret")
        defer { sink.stop() }
        let url = try await database.freshURL()
        let secret = SymmetricKey(size: .bits256)
        let store = try await SQLDataStore.open(try DatabaseURL(parsing: url), logger: .init(label: "resume-test"), secrets: SecretBox(current: secret))
        try await store.migrate()
        let services = AppServices(store: store, defaultRegion: PhoneRegion.known["DE"]!, outbound: OutboundTargets(allowsPrivate: true))
        let workspaceID = try #require(try await services.workspaces.bootstrapIfEmpty()).key.workspaceID
        let actor = Actor.operator(workspaceID: workspaceID)
        let inbox = try await services.inboxes.createInbox(
            channel: .email, name: "Shop",
            settings: [
                "address": "news@shop.test", "smtp_host": "127.0.0.1", "smtp_port": String(sink.port), "smtp_security": "starttls",
                "smtp_username": "rapport", "smtp_password": "s3cret", "smtp_ca_file": sink.certificate, "dkim_domain": "shop.test",
                "dkim_selector": "s1", "dkim_private_key": try DKIMKey.generate(.ed25519SHA256).pemRepresentation,
            ], as: actor)
        let list = try await services.segments.create(SegmentDraft(name: "Everyone", kind: .list), as: actor)
        var customerIDs: [String] = []
        for index in 0..<Self.recipients {
            let customer = try await services.customers.upsert(
                CustomerInput(identities: [IdentityInput(kind: "email", value: "r\(index)@example.com")], firstName: "R\(index)"), as: actor).customer
            _ = try await services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: customer.id,
                witness: ConsentWitness(), as: actor)
            customerIDs.append(customer.id)
        }
        _ = try await services.segments.addToList(id: list.id, customerIDs: customerIDs, as: actor)
        let campaign = try await services.campaigns.create(
            CampaignDraft(
                name: "Resume", channel: .email, inboxID: inbox.id,
                definition: try JSONParser.parse(Array("""
                    {"audience":{"segment_ids":["\(list.id)"]},"default_locale":"en","holdout_share":0,
                     "content":{"en":{"subject":"Hello {{customer.first_name}}","body":"News"}}}
                    """.utf8))),
            as: actor)
        _ = try await services.campaigns.send(id: campaign.id, as: actor)

        // The first worker is killed once a quarter of the messages and ten more arrived: inside
        // a batch of 25, after the server took some of it and before the batch was recorded.
        let first = try Self.worker(database: url, secret: secret)
        let deadline = Date().addingTimeInterval(120)
        while try sink.received().count < Self.recipients / 4 + 10, Date() < deadline { try await Task.sleep(for: .milliseconds(2)) }
        first.kill(SIGKILL)
        first.wait()
        let beforeRestart = try sink.received().count
        #expect(beforeRestart >= Self.recipients / 4 && beforeRestart < Self.recipients, "killed mid-campaign (\(beforeRestart) sent)")

        let second = try Self.worker(database: url, secret: secret)
        defer {
            second.kill(SIGKILL)
            second.wait()
        }
        while try await services.campaigns.find(id: campaign.id, as: actor).status != .sent, Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try await services.campaigns.find(id: campaign.id, as: actor).status == .sent)
        let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
        #expect(stats.sent == Self.recipients && stats.pending == 0)

        let delivered = try sink.received().compactMap { ($0.envelope["to"] as? [String])?.first }
        let counts = Dictionary(delivered.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(counts.count == Self.recipients, "everyone got it")
        let twice = counts.values.filter { $0 > 1 }.count
        print("campaign resume on \(database): \(beforeRestart) delivered before the kill, \(twice) delivered twice")
        #expect(counts.values.allSatisfy { $0 <= 2 } && twice <= CampaignDispatcher.defaultBatchSize, "only the dead sender's batch can repeat: \(twice)")
        await store.shutdown()
    }

    /// `rapport worker` on the database; a claim held by a dead worker lapses after 2 s instead
    /// of 120; links point at an https address, as campaigns require.
    static func worker(database url: String, secret: SymmetricKey) throws -> ChildProcess {
        try RapportBinary.start(["worker", "--database", url, "--concurrency", "1"], environment: environment(secret: secret))
    }

    static func environment(secret: SymmetricKey) -> [String: String] {
        [
            "RAPPORT_SECRET_KEY": secret.withUnsafeBytes { Data($0) }.base64EncodedString(), "RAPPORT_ALLOW_PRIVATE_TARGETS": "1",
            "RAPPORT_CAMPAIGN_CLAIM_SECONDS": "2", "RAPPORT_LOG_LEVEL": "error", "RAPPORT_PUBLIC_URL": "https://rapport.test",
        ]
    }
}
