import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// An e-mail inbox's sending settings (`email_provider` and each provider's own), as
/// `InboxService` checks them when an inbox is saved: a 422 naming `settings.<key>` for what is
/// missing or malformed, and nothing stored.
@Suite("E-mail inboxes: the provider campaign e-mail goes out through")
struct EmailProviderSettingsTests {
    /// The fields of the 422 a call answers; empty when it succeeds.
    static func refusedFields(_ call: () async throws -> Void) async throws -> [String] {
        do {
            try await call()
            return []
        } catch RapportError.invalid(let errors) {
            return errors.map(\.field)
        }
    }

    @Test("an unknown provider, a provider without its credentials, SMTP without smtp_host and malformed regions or domains get a 422 naming the setting; SendGrid needs no smtp_host", arguments: TestDatabase.available)
    func providerSettings(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            func create(_ settings: [String: String]) async throws -> [String] {
                try await Self.refusedFields {
                    _ = try await services.inboxes.createInbox(
                        channel: .email, name: "News", settings: ["address": "news@shop.example"].merging(settings) { _, given in given }, as: actor)
                }
            }
            #expect(try await create(["email_provider": "sparkpost", "smtp_host": "smtp.shop.example"]) == ["settings.email_provider"])
            #expect(try await create(["email_provider": "ses"]).sorted() == [
                "settings.ses_access_key_id", "settings.ses_region", "settings.ses_secret_access_key",
            ])
            #expect(try await create([:]) == ["settings.smtp_host"], "SMTP is the default, and needs its host")
            #expect(try await create(["email_provider": "smtp"]) == ["settings.smtp_host"])
            #expect(try await create(["email_provider": "sendgrid"]) == ["settings.sendgrid_api_key"])
            #expect(try await create(["email_provider": "mailgun", "mailgun_api_key": "key-1"]) == ["settings.mailgun_domain"])
            #expect(try await create(["email_provider": "postmark"]) == ["settings.postmark_server_token"])
            let ses = ["email_provider": "ses", "ses_access_key_id": "AKIAEXAMPLE", "ses_secret_access_key": "secret"]
            #expect(try await create(ses.merging(["ses_region": "eu_west"]) { _, given in given }) == ["settings.ses_region"])
            #expect(try await create(ses.merging(["ses_region": "eu-west-1", "ses_configuration_set": "news letters"]) { _, given in given }) == [
                "settings.ses_configuration_set",
            ])
            let mailgun = ["email_provider": "mailgun", "mailgun_api_key": "key-1"]
            #expect(try await create(mailgun.merging(["mailgun_domain": "../v4/domains"]) { _, given in given }) == ["settings.mailgun_domain"])
            #expect(try await create(mailgun.merging(["mailgun_domain": "mg.shop.example", "mailgun_region": "asia"]) { _, given in given }) == [
                "settings.mailgun_region",
            ])
            #expect(try await services.inboxes.inboxes(as: actor).isEmpty, "nothing refused was stored")

            let sendGrid = try await services.inboxes.createInbox(
                channel: .email, name: "News", settings: ["address": "news@shop.example", "email_provider": "sendgrid", "sendgrid_api_key": "SG.key"],
                as: actor)
            #expect(sendGrid.settings["smtp_host"] == nil && sendGrid.settings["sendgrid_api_key"] == "SG.key")
            let sesInbox = try await services.inboxes.createInbox(
                channel: .email, name: "SES", settings: ["address": "news@shop.example"].merging(ses) { _, given in given }
                    .merging(["ses_region": "us-gov-west-1", "ses_configuration_set": "campaigns"]) { _, given in given },
                as: actor)
            #expect(sesInbox.settings["ses_region"] == "us-gov-west-1")
        }
    }

    @Test("the providers' keys are secrets, and a new API address or region needs the key that would go there entered again", arguments: TestDatabase.available)
    func credentialsFollowTheirHost(database: TestDatabase) async throws {
        #expect(["ses_secret_access_key", "sendgrid_api_key", "mailgun_api_key", "postmark_server_token"].allSatisfy { InboxSetting.isSecret($0) })
        #expect(!InboxSetting.isSecret("ses_access_key_id") && !InboxSetting.isSecret("email_provider"))
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await services.inboxes.createInbox(
                channel: .email, name: "News",
                settings: [
                    "address": "news@shop.example", "email_provider": "mailgun", "mailgun_api_key": "key-1", "mailgun_domain": "mg.shop.example",
                    "sendgrid_api_key": "SG.kept", "api_base_url": "https://mail-proxy.shop.example",
                ],
                as: actor)
            func update(_ changes: [String: String]) async throws -> [String] {
                try await Self.refusedFields {
                    _ = try await services.inboxes.updateInbox(
                        id: inbox.id, name: "News", settingChanges: changes, teamID: nil, slaPolicyID: nil, as: actor)
                }
            }
            #expect(try await update(["api_base_url": "https://elsewhere.example"]).sorted() == [
                "settings.mailgun_api_key", "settings.sendgrid_api_key",
            ], "every stored key that would go to the new address")
            #expect(try await update(["mailgun_region": "eu"]) == ["settings.mailgun_api_key"])
            #expect(try await update(["mailgun_region": "eu", "mailgun_api_key": "key-eu"]).isEmpty)
            #expect(try await update(["mailgun_domain": "mg2.shop.example"]).isEmpty, "the domain is a path at the same host")
            #expect(try await update(["smtp_host": "smtp.shop.example"]).isEmpty, "no SMTP password is stored")
        }
    }
}
