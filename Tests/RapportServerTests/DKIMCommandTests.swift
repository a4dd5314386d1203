import Crypto
import Foundation
import RapportChannels
import RapportCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("rapport dkim generate")
struct DKIMCommandTests {
    @Test("stores a sealed key with the inbox and prints the TXT value last; what the inbox signs verifies against it; a domain that does not align is refused")
    func generatesAndStores() async throws {
        let url = try await TestDatabase.sqlite.freshURL()
        let secret = SymmetricKey(size: .bits256)
        let store = try await SQLDataStore.open(try DatabaseURL(parsing: url), logger: .init(label: "dkim-test"), secrets: SecretBox(current: secret))
        try await store.migrate()
        let services = AppServices(store: store, defaultRegion: PhoneRegion.known["DE"]!, outbound: OutboundTargets(allowsPrivate: true))
        let workspaceID = try #require(try await services.workspaces.bootstrapIfEmpty()).key.workspaceID
        let inbox = try await services.inboxes.createInbox(
            channel: .email, name: "News", settings: ["address": "news@mail.shop.test", "smtp_host": "127.0.0.1"], as: .operator(workspaceID: workspaceID))
        let environment = CampaignResumeTests.environment(secret: secret)

        let refused = try RapportBinary.run(
            ["dkim", "generate", "--inbox", inbox.id, "--domain", "other.test", "--selector", "s1", "--database", url], environment: environment)
        #expect(refused.status != 0, "other.test does not align with mail.shop.test")

        let generated = try RapportBinary.run(
            ["dkim", "generate", "--inbox", inbox.id, "--domain", "shop.test", "--selector", "s2026", "--database", url], environment: environment)
        #expect(generated.status == 0, "\(generated.output)")
        let record = try #require(generated.output.split(separator: "\n").last.map(String.init))
        #expect(record.hasPrefix("v=DKIM1; k=rsa; p=MII"), "the TXT value alone on the last line: \(record)")
        #expect(generated.output.contains("s2026._domainkey.shop.test"))

        let stored = try await services.inboxes.inbox(id: inbox.id, channel: .email)
        #expect(stored[.dkimDomain] == "shop.test" && stored[.dkimSelector] == "s2026")
        let sealed = try await store.texts("SELECT settings FROM inboxes WHERE id = '\(inbox.id)'")[0][0] ?? ""
        #expect(!sealed.contains("PRIVATE KEY"), "sealed at rest")
        let signer = try #require(try SMTPCampaignTransport.signer(of: stored))
        let message = "From: News <news@mail.shop.test>\r\nTo: ana@example.com\r\nSubject: Hi\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000\r\nMessage-ID: <a@mail.shop.test>\r\n\r\nHello\r\n"
        let check = try DKIMCheck.dkimpy(Array(try signer.sign(message, at: Date()).utf8), record: record)
        #expect(check.status == 0, "\(check.output)")
        await store.shutdown()
    }
}
