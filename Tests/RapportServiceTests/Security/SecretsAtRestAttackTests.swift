import Crypto
import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// A copy of the database (a backup, a dump, a stolen disk) holds no provider token, shop or
/// webhook signing secret or SMTP password in the clear.
@Suite("Security: secrets at rest")
struct SecretsAtRestAttackTests {
    @Test("a stolen database dump reads provider tokens, shop and webhook secrets and SMTP passwords", arguments: TestDatabase.available)
    func dumpHoldsNoSecrets(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await services.inboxes.createInbox(
                channel: .email, name: "Mail",
                settings: ["address": "help@shop.example", "smtp_host": "smtp.shop.example", "smtp_password": "smtp-pass-1234",
                           "inbound_token": "inbound-token-5678"], as: actor)
            let sources = SourceService(commerce: services.commerce)
            _ = try await sources.create(kind: .shopify, name: "Shop", secret: "shop-secret-9012", as: actor)
            let hook = try await WebhookService(store: store, clock: services.clock, outbound: OutboundTargets(allowsPrivate: true))
                .create(url: "https://hooks.example.com/in", eventTypes: ["*"], as: actor)

            let dump = try await store.texts("SELECT settings FROM inboxes") + (try await store.texts("SELECT secret FROM sources"))
                + (try await store.texts("SELECT secret FROM webhook_subscriptions"))
            let text = dump.flatMap { $0 }.compactMap { $0 }.joined(separator: "\n")
            for secret in ["smtp-pass-1234", "inbound-token-5678", "shop-secret-9012", hook.secret] {
                #expect(!text.contains(secret), "\(secret) is stored in the clear")
            }
            #expect(text.contains("enc:v1:") && text.contains("smtp.shop.example"), "settings that are not secret stay readable")
            // Rapport itself reads them back.
            let read = try #require(try await services.inboxes.inboxes(as: .operator(workspaceID: services.workspaceID)).first { $0.id == inbox.id })
            #expect(read.settings["smtp_password"] == "smtp-pass-1234")
            #expect(try await sources.sources(as: actor).first?.secret == "shop-secret-9012")
        }
    }

    @Test("rotating the key seals every secret anew; values sealed before stay readable with the old key kept, and not without it", arguments: TestDatabase.available)
    func rotation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let sources = SourceService(commerce: services.commerce)
            _ = try await sources.create(kind: .shopify, name: "Shop", secret: "shop-secret-1", as: actor)
            let before = try #require(try await store.texts("SELECT secret FROM sources").first?.first ?? nil)
            let fresh = SymmetricKey(size: .bits256)
            let sealed = try await store.resealSecrets(with: SecretBox(current: fresh))
            #expect(sealed == 1)
            let after = try #require(try await store.texts("SELECT secret FROM sources").first?.first ?? nil)
            #expect(after != before && after.hasPrefix("enc:v1:\(SecretBox(current: fresh).currentKeyID):"))
        }
    }

    @Test("the box opens what it sealed, with the current or a previous key, and refuses an unknown key or a tampered value")
    func box() throws {
        let old = SymmetricKey(size: .bits256)
        let new = SymmetricKey(size: .bits256)
        let sealedOld = try SecretBox(current: old).seal("token")
        let box = SecretBox(current: new, previous: [old])
        #expect(try box.open(sealedOld) == "token")
        #expect(try box.open(try box.seal("other")) == "other")
        #expect(try box.open("plain from before") == "plain from before")
        #expect(throws: SecretBoxError.self) { try SecretBox(current: new).open(sealedOld) }
        var tampered = Array(try box.seal("token"))
        tampered[tampered.count - 3] = tampered[tampered.count - 3] == "A" ? "B" : "A"
        #expect(throws: SecretBoxError.self) { try box.open(String(tampered)) }
    }
}
